//! The `sysnix` command line: a thin layer over the library crates, one file per verb
//! under `command/`.

mod command;
mod session;

use clap::Parser;
use std::process::ExitCode;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    let invoked_as = argv
        .first()
        .map(|a| a.rsplit('/').next().unwrap_or(a).to_string())
        .unwrap_or_default();
    // Through a symlink named nix-instantiate, behave as `sysnix instantiate`.
    if invoked_as == "nix-instantiate" {
        let mut args = vec!["sysnix".to_string(), "instantiate".to_string()];
        args.extend(argv.into_iter().skip(1));
        return command::run(command::Cli::parse_from(args));
    }
    command::run(command::Cli::parse())
}
