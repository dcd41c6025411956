//! `sysnix switch`, `boot`, `test`, `dry-activate` and `rollback`: nixos-rebuild's verbs.
//! Each builds the configuration first (the same flags as `sysnix build`), or takes an
//! already built system (`--system PATH`) or generation (`--generation N`), then hands it
//! to `sysnix-apply`.

use super::build::{BuildArgs, StoreArgs};
use crate::session;
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use sysnix_apply::{Action, GenerationChoice, Layout, SwitchOptions, profile};
use sysnix_store::store::LocalStore;

/// Where and how to activate (shared by every activating verb).
#[derive(Args, Debug, Clone)]
pub struct ActivateArgs {
    /// Activate into this root file system instead of the running machine: installs the
    /// files, copies the system's closure into DIR's store, creates users with
    /// `systemd-sysusers --root` and runs `systemd-tmpfiles --root`; nothing is started.
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Move unmanaged files that are in the way in /etc to `<name>.sysnix-backup`
    /// (put back when the file leaves the configuration) instead of refusing to switch.
    #[arg(long)]
    pub backup_existing: bool,
    /// Do not install missing Debian packages (say which are missing instead), for
    /// machines without access to their apt repositories.
    #[arg(long)]
    pub no_install_packages: bool,
    /// Print where the time went (planning, activation, waiting for systemd's jobs) as
    /// one JSON line on stderr.
    #[arg(long)]
    pub timings: bool,
}

/// Flags of `sysnix switch` (and `boot`, `test`, `dry-activate`).
#[derive(Args, Debug, Clone)]
pub struct SwitchArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    /// Switch to this already built system (a toplevel store path or a link to one, such
    /// as `./result`) instead of building.
    #[arg(long, value_name = "PATH", conflicts_with_all = ["config", "file", "path", "generation"])]
    pub system: Option<PathBuf>,
    /// Switch to generation N (see `sysnix list-generations`) instead of building.
    #[arg(long, value_name = "N", conflicts_with_all = ["config", "file", "path"])]
    pub generation: Option<u64>,
    #[command(flatten)]
    pub activate: ActivateArgs,
}

/// Flags of `sysnix rollback`.
#[derive(Args, Debug, Clone)]
pub struct RollbackArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    #[command(flatten)]
    pub activate: ActivateArgs,
}

fn layout(store: &Path, root: Option<&Path>) -> Layout {
    Layout::new(root.unwrap_or(Path::new("/")), store)
}

/// The store path a `--system` argument names (links like `./result` followed).
fn resolve_system(path: &Path, store: &LocalStore) -> Result<String, String> {
    let real =
        std::fs::canonicalize(path).map_err(|e| format!("--system {}: {e}", path.display()))?;
    let store_real = std::fs::canonicalize(store.root()).unwrap_or(store.root().to_path_buf());
    let rel = real.strip_prefix(&store_real).map_err(|_| {
        format!(
            "--system {}: not a system in the store {} (build one with sysnix build)",
            path.display(),
            store.root().display()
        )
    })?;
    let top = store.root().join(rel);
    if !top.join("activation.json").is_file() {
        return Err(format!(
            "--system {}: {} is not a system (it has no activation.json)",
            path.display(),
            top.display()
        ));
    }
    Ok(top.to_string_lossy().into_owned())
}

/// Runs an activating verb.
pub fn run(args: SwitchArgs, action: Action) -> ExitCode {
    sysnix_eval::with_big_stack(move || run_inner(args, action))
}

fn run_inner(args: SwitchArgs, action: Action) -> ExitCode {
    // `--json` comes with the build flags, but a switch's account is text (and
    // `--timings`): refuse it before anything is built or changed, rather than ignore it.
    if args.build.json {
        return session::fail(
            "--json is not supported when activating: it prints `sysnix build`'s summary \
             (run `sysnix build --json` for that); the activating verbs report as text, \
             and --timings prints where the time went as JSON",
        );
    }
    let layout = layout(&args.build.store.store, args.activate.root.as_deref());
    let mut generation = GenerationChoice::New;
    let mut _lock = None;
    let (store, toplevel) = if let Some(n) = args.generation {
        let store = match sysnix_build::realise::open_store(&args.build.store.store) {
            Ok(s) => s,
            Err(e) => return session::fail(&e),
        };
        match profile::get(&layout, n) {
            Ok(g) => {
                generation = GenerationChoice::Existing(n);
                (store, g.path)
            }
            Err(e) => return session::fail(&e),
        }
    } else if let Some(system) = &args.system {
        let store = match sysnix_build::realise::open_store(&args.build.store.store) {
            Ok(s) => s,
            Err(e) => return session::fail(&e),
        };
        match resolve_system(system, &store) {
            Ok(t) => (store, t),
            Err(e) => return session::fail(&e),
        }
    } else {
        match super::build::realise(&args.build) {
            Ok(b) => {
                _lock = Some(b.lock);
                (b.store, b.top.out_path)
            }
            Err(code) => return code,
        }
    };
    activate(store, layout, toplevel, action, generation, &args.activate)
}

/// Runs `sysnix rollback`: switches to the generation before the default one.
pub fn rollback(args: RollbackArgs) -> ExitCode {
    let layout = layout(&args.store.store, args.activate.root.as_deref());
    let store = match sysnix_build::realise::open_store(&args.store.store) {
        Ok(s) => s,
        Err(e) => return session::fail(&e),
    };
    let prev = match profile::previous(&layout) {
        Ok(g) => g,
        Err(e) => return session::fail(&format!("cannot roll back: {e}")),
    };
    eprintln!("rolling back to generation {} ({})", prev.number, prev.path);
    activate(
        store,
        layout,
        prev.path,
        Action::Switch,
        GenerationChoice::Existing(prev.number),
        &args.activate,
    )
}

fn activate(
    store: LocalStore,
    layout: Layout,
    toplevel: String,
    action: Action,
    generation: GenerationChoice,
    a: &ActivateArgs,
) -> ExitCode {
    if !layout.is_offline() && action != Action::DryActivate && !is_systemd_booted() {
        return session::fail(
            "this machine is not running systemd as PID 1 (no /run/systemd/system): activate a root file system with --root DIR instead",
        );
    }
    let opts = SwitchOptions {
        toplevel: toplevel.clone(),
        store,
        layout,
        action,
        generation,
        backup_existing: a.backup_existing,
        install_packages: !a.no_install_packages,
    };
    let outcome = match sysnix_apply::switch(opts) {
        Ok(o) => o,
        Err(e) => return session::fail(&e),
    };
    if a.timings {
        let ms = |d: std::time::Duration| (d.as_secs_f64() * 1000.0 * 10.0).round() / 10.0;
        let t = &outcome.timings;
        let known = t.prepare + t.plan + t.activation + t.daemon_reload + t.systemd_wait;
        eprintln!(
            "timings: {{\"prepare_ms\": {}, \"plan_ms\": {}, \"activation_ms\": {}, \"daemon_reload_ms\": {}, \"systemd_wait_ms\": {}, \"bookkeeping_ms\": {}, \"total_ms\": {}}}",
            ms(t.prepare),
            ms(t.plan),
            ms(t.activation),
            ms(t.daemon_reload),
            ms(t.systemd_wait),
            ms(t.total.saturating_sub(known)),
            ms(t.total)
        );
    }
    if action == Action::DryActivate {
        return ExitCode::SUCCESS;
    }
    for f in &outcome.failures {
        eprintln!("error: unit {} failed ({})", f.unit, f.what);
        if !f.journal.is_empty() {
            for line in f.journal.lines() {
                eprintln!("  {line}");
            }
        }
    }
    let verb = match action {
        Action::Switch => "switched to",
        Action::Boot => "will boot into",
        Action::Test => "activated (not the default)",
        Action::DryActivate => unreachable!(),
    };
    match outcome.generation {
        Some(n) => eprintln!("{verb} generation {n}: {toplevel}"),
        None => eprintln!("{verb} {toplevel}"),
    }
    if outcome.ok() {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "error: the switch finished with {} failed unit(s) and {} error(s); the files are the new generation's (sysnix rollback goes back)",
            outcome.failures.len(),
            outcome.report.errors.len()
        );
        ExitCode::from(1)
    }
}

/// Whether systemd is this machine's init (as `sd_booted()` decides).
fn is_systemd_booted() -> bool {
    Path::new("/run/systemd/system").is_dir()
}
