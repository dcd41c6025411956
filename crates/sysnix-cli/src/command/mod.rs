//! Subcommands.

pub mod build;
pub mod eval;
pub mod gc;
pub mod options;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// sysnix: NixOS-style services on any systemd Linux, from modules in the Nix language.
#[derive(Parser)]
#[command(name = "sysnix", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// The verbs.
#[derive(Subcommand)]
pub enum Command {
    /// Evaluate a Nix expression and print the result as nix-instantiate --eval does.
    Eval(eval::EvalArgs),
    /// nix-instantiate's command line (evaluation flags); also used when sysnix is
    /// invoked through a symlink named `nix-instantiate`.
    Instantiate(eval::EvalArgs),
    /// List the options a configuration's modules declare (type, default, example,
    /// description, declaring files), as text, JSON (options.json) or Markdown.
    #[command(long_about = options::LONG_ABOUT)]
    Options(options::OptionsArgs),
    /// Build a configuration: evaluate it, realise its system in the store (units, /etc,
    /// users, firewall, the activation manifest) and print the toplevel's store path.
    Build(build::BuildArgs),
    /// Delete store paths that no GC root (generation, `result` link) reaches.
    Gc(gc::GcArgs),
    /// Internal: the build sandbox's first process (run by the store, not by users).
    #[command(name = "__sandbox-init", hide = true)]
    SandboxInit {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

/// Runs the chosen verb.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Eval(args) => eval::run(args, false),
        Command::Instantiate(args) => eval::run(args, true),
        Command::Options(args) => options::run(args),
        Command::Build(args) => build::run(args),
        Command::Gc(args) => gc::run(args),
        Command::SandboxInit { args } => ExitCode::from(
            sysnix_store::build::sandbox_init_main(args.into_iter().map(std::ffi::OsString::from))
                .clamp(0, 255) as u8,
        ),
    }
}
