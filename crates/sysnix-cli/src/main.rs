//! The `sysnix` command line: a thin layer over the library crates, one file per verb
//! under `command/`.

mod alloc;
mod command;
mod session;

use clap::Parser;
use std::process::ExitCode;

#[global_allocator]
static GLOBAL: alloc::MiMalloc = alloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc's `mi_option_t` (mimalloc.h); the crate names no
/// constant for it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Never purge (-1): sysnix's processes are short, and memory given back to the OS
    // mid-evaluation is faulted in and zeroed again soon after. A default, so
    // MIMALLOC_PURGE_DELAY still overrides it.
    // SAFETY: sets an option; no allocation depends on its old value.
    unsafe { libmimalloc_sys::mi_option_set_default(MI_OPTION_PURGE_DELAY, -1) };
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
