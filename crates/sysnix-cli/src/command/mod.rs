//! Subcommands.

pub mod eval;
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
}

/// Runs the chosen verb.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Eval(args) => eval::run(args, false),
        Command::Instantiate(args) => eval::run(args, true),
        Command::Options(args) => options::run(args),
    }
}
