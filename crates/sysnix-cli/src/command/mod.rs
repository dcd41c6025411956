//! Subcommands.

pub mod build;
pub mod eval;
pub mod gc;
pub mod generations;
pub mod options;
pub mod security;
pub mod switch;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// `sysnix --version`: the package's version, and how the binary was built when
/// `scripts/dist.sh` built it (it sets `SYSNIX_BUILD`, e.g. "dist, fat LTO, PGO"), so
/// a benchmark table says which build it measured.
static VERSION: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| match option_env!("SYSNIX_BUILD") {
        Some(build) => format!("{} ({build})", env!("CARGO_PKG_VERSION")),
        None => env!("CARGO_PKG_VERSION").to_string(),
    });

/// sysnix: NixOS-style services on any systemd Linux, from modules in the Nix language.
#[derive(Parser)]
#[command(name = "sysnix", version = VERSION.as_str(), about, long_about = None, propagate_version = true)]
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
    /// Build a configuration (or take --system PATH / --generation N), make it the default
    /// generation and activate it now: packages, users, /etc, tmpfiles, sysctl, kernel
    /// modules, firewall, then units stopped/reloaded/restarted/started over D-Bus.
    Switch(switch::SwitchArgs),
    /// Make it the default generation and install its files for the next boot, changing
    /// nothing that runs now.
    Boot(switch::SwitchArgs),
    /// Activate it now without making it the default generation.
    Test(switch::SwitchArgs),
    /// Print what a switch would do to each unit (and why) and to /etc; change nothing.
    DryActivate(switch::SwitchArgs),
    /// Switch to the generation before the default one.
    Rollback(switch::RollbackArgs),
    /// List the system's generations (number, date, store path, the default one).
    ListGenerations(generations::GenerationsArgs),
    /// systemd's exposure score (as `systemd-analyze security` of systemd 252) for unit
    /// files or a configuration's services, computed offline; --threshold makes it a gate.
    #[command(long_about = security::LONG_ABOUT)]
    Security(security::SecurityArgs),
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
        Command::Security(args) => security::run(args),
        Command::Switch(args) => switch::run(args, sysnix_apply::Action::Switch),
        Command::Boot(args) => switch::run(args, sysnix_apply::Action::Boot),
        Command::Test(args) => switch::run(args, sysnix_apply::Action::Test),
        Command::DryActivate(args) => switch::run(args, sysnix_apply::Action::DryActivate),
        Command::Rollback(args) => switch::rollback(args),
        Command::ListGenerations(args) => generations::run(args),
        Command::SandboxInit { args } => ExitCode::from(
            sysnix_store::build::sandbox_init_main(args.into_iter().map(std::ffi::OsString::from))
                .clamp(0, 255) as u8,
        ),
    }
}
