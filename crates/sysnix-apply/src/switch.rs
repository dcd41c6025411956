//! One switch, start to end: the order of the steps and what makes it safe to interrupt.
//!
//! 1. Take the lock; read the state; check the manifest and /etc (an unmanaged file in
//!    the way refuses the switch here, before anything changed).
//! 2. Plan the units against what systemd runs (`dry-activate` prints it and stops).
//! 3. Add the generation (`switch`, `boot`) and record the intent in the state file.
//! 4. Install missing packages (before any unit stops, so a failing apt leaves everything
//!    running as it was).
//! 5. Stop the units the plan stops.
//! 6. Users, /etc (one flip of the static link), keys, tmpfiles, sysctl, kernel modules, nft.
//! 7. daemon-reload, then reload, restart, start, each job waited for.
//! 8. Record the new system as current; report failed units with their journal.
//!
//! Every step is idempotent and the state claims what a step creates before it does, so
//! a switch killed anywhere leaves /etc on the old or the new generation's files (the
//! flip is one rename) and running the switch again converges.

use crate::activate::{self, Ctx, Report, units::Failure};
use crate::layout::Layout;
use crate::lock::SwitchLock;
use crate::profile;
use crate::state::{NextBoot, Pending, State};
use crate::systemd::{JobKind, Systemd};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use sysnix_build::summary::Manifest;
use sysnix_plan::{Mode, Plan, SystemUnits};
use sysnix_store::store::LocalStore;

/// nixos-rebuild's verbs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Activate now and make it the default generation.
    Switch,
    /// Make it the default generation and install its files for the next boot; nothing
    /// that runs changes now.
    Boot,
    /// Activate now without making it the default.
    Test,
    /// Print what would happen; change nothing.
    DryActivate,
}

/// Which generation a switch makes the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenerationChoice {
    /// A new generation for the toplevel (or the current one when it is the same).
    New,
    /// An existing generation (`rollback`, `--generation N`).
    Existing(u64),
}

/// What to switch to and how.
pub struct SwitchOptions {
    /// The toplevel, a store path as the system sees it.
    pub toplevel: String,
    /// The store holding it (on this machine).
    pub store: LocalStore,
    /// The machine or root.
    pub layout: Layout,
    /// The verb.
    pub action: Action,
    /// Which generation becomes the default (`switch`, `boot`).
    pub generation: GenerationChoice,
    /// Move unmanaged files in the way to `<name>.sysnix-backup` instead of refusing.
    pub backup_existing: bool,
    /// Install missing Debian packages with apt-get (else only warn about them).
    pub install_packages: bool,
}

/// Where the time went.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Timings {
    /// Before planning: the lock, the state, the manifest, checking /etc (and with
    /// `--root`, copying the closure).
    pub prepare: Duration,
    /// Reading systemd's units and deciding the plan.
    pub plan: Duration,
    /// systemd's jobs (stop, reload, restart, start): queueing them and waiting for them
    /// to finish.
    pub systemd_wait: Duration,
    /// `ResetFailed` and daemon-reload.
    pub daemon_reload: Duration,
    /// Packages, users, /etc, tmpfiles, sysctl, modules, firewall.
    pub activation: Duration,
    /// The whole switch (the rest is bookkeeping: the generation, the state file).
    pub total: Duration,
}

/// How a switch went.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The default generation after it (`switch`, `boot`).
    pub generation: Option<u64>,
    /// The unit plan carried out (or printed); none without a running systemd.
    pub plan: Option<Plan>,
    /// Units that failed.
    pub failures: Vec<Failure>,
    /// Problems in the other steps.
    pub report: Report,
    /// Timings.
    pub timings: Timings,
}

impl Outcome {
    /// Whether the switch succeeded.
    pub fn ok(&self) -> bool {
        self.failures.is_empty() && self.report.errors.is_empty()
    }
}

/// The running kernel's boot id (empty when unknown).
fn boot_id() -> String {
    std::fs::read_to_string("/proc/sys/kernel/random/boot_id")
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

/// Switches (or plans, for `DryActivate`).
pub fn switch(opts: SwitchOptions) -> Result<Outcome, String> {
    let started = Instant::now();
    let layout = &opts.layout;
    // Without systemd (a root file system, `boot`, or a dry run on a machine that does
    // not run systemd) no unit is planned or touched.
    let online = !layout.is_offline()
        && matches!(
            opts.action,
            Action::Switch | Action::Test | Action::DryActivate
        )
        && Path::new("/run/systemd/system").is_dir();
    let _lock = if opts.action == Action::DryActivate {
        None
    } else {
        Some(SwitchLock::acquire(&layout.lock_file())?)
    };
    let state_path = layout.state_file();
    let mut state = State::load(&state_path)?;
    // A `boot` generation is what runs once the machine has rebooted.
    if let Some(nb) = state.next_boot.clone()
        && nb.boot_id != boot_id()
        && !layout.is_offline()
    {
        state.current = Some(nb.toplevel);
        state.next_boot = None;
    }
    if let Some(p) = &state.pending {
        eprintln!(
            "note: a switch to {} was interrupted ({}); this one finishes the job",
            p.toplevel, p.step
        );
    }

    // The root's own store holds the closure, so the root is complete.
    // Read from this machine's store (the root's copy is the same).
    let toplevel_host = PathBuf::from(&opts.toplevel);
    if layout.is_offline() && opts.action != Action::DryActivate {
        std::fs::create_dir_all(layout.etc())
            .map_err(|e| format!("creating {}: {e}", layout.etc().display()))?;
    }
    let manifest = Manifest::read(&toplevel_host)?;
    if manifest.version != 1 {
        return Err(format!(
            "{}: activation manifest version {} is not supported (this sysnix reads version 1)",
            opts.toplevel, manifest.version
        ));
    }
    let mut outcome = Outcome::default();
    let etc_plan;
    {
        let ctx = Ctx {
            layout,
            toplevel: opts.toplevel.clone(),
            toplevel_host: toplevel_host.clone(),
            manifest: &manifest,
            state: &mut state,
            backup_existing: opts.backup_existing,
            report: &mut outcome.report,
        };
        etc_plan = activate::etc_files::plan(&ctx)?;
        let conflicts = activate::etc_files::conflicts(&ctx, &etc_plan);
        if !conflicts.is_empty() && !opts.backup_existing {
            return Err(activate::etc_files::refusal(&conflicts));
        }
    }

    // The root's own store gets the closure, so the root is complete.
    let root_store = if layout.is_offline() && opts.action != Action::DryActivate {
        let s = LocalStore::open(layout.host(&layout.store_dir))
            .map_err(|e| format!("opening the root's store: {e}"))?;
        let n = crate::closure::copy_closure(&opts.store, &s, &opts.toplevel)?;
        if n > 0 {
            eprintln!("copied {n} store paths into {}", layout.root.display());
        }
        Some(s)
    } else {
        None
    };

    // The units' plan.
    outcome.timings.prepare = started.elapsed();
    let t = Instant::now();
    let mut systemd = None;
    let mode = match opts.action {
        Action::Switch => Mode::Switch,
        Action::Test => Mode::Test,
        Action::Boot => Mode::Boot,
        Action::DryActivate => Mode::DryActivate,
    };
    let load = |dir: &Path| {
        SystemUnits::load(dir).map_err(|e| format!("reading the units of {}: {e}", dir.display()))
    };
    let old_units = match &state.current {
        Some(c) => Some(load(&Path::new(c).join("etc/systemd/system"))?),
        None => None,
    };
    let new_units = load(&toplevel_host.join("etc/systemd/system"))?;
    if online {
        let sd = Systemd::connect()?;
        let runtime = sd.runtime()?;
        outcome.plan = Some(sysnix_plan::plan(
            old_units.as_ref(),
            &new_units,
            &runtime,
            mode,
        ));
        systemd = Some(sd);
    } else if mode == Mode::Boot || mode == Mode::DryActivate {
        // No systemd to ask: how the unit files differ.
        outcome.plan = Some(sysnix_plan::plan(
            old_units.as_ref(),
            &new_units,
            &sysnix_plan::Runtime::new(),
            Mode::Boot,
        ));
    }
    outcome.timings.plan = t.elapsed();

    if opts.action == Action::DryActivate {
        if let Some(plan) = &outcome.plan {
            if !online {
                println!("(systemd is not running here: how the unit files differ)");
            }
            print!("{}", plan.render_text());
        }
        match activate::packages::missing(layout, &manifest.packages) {
            Some(m) if !m.is_empty() => println!("would install packages: {}", m.join(" ")),
            _ => {}
        }
        let new_files = etc_plan
            .wanted
            .keys()
            .filter(|r| !state.etc.contains_key(*r))
            .count();
        let gone = state
            .etc
            .keys()
            .filter(|r| !etc_plan.wanted.contains_key(*r))
            .count();
        println!(
            "would switch /etc to {}/etc ({} files, {new_files} new, {gone} removed)",
            opts.toplevel,
            etc_plan.wanted.len()
        );
        for line in activate::keys::dry_run_lines(&manifest, &state) {
            println!("{line}");
        }
        outcome.timings.total = started.elapsed();
        return Ok(outcome);
    }

    // Generations.
    if matches!(opts.action, Action::Switch | Action::Boot) {
        let store = root_store.as_ref().unwrap_or(&opts.store);
        let n = match opts.generation {
            GenerationChoice::New => profile::add(layout, store, &opts.toplevel)?,
            GenerationChoice::Existing(n) => {
                profile::set_current(layout, n)?;
                n
            }
        };
        outcome.generation = Some(n);
    }

    let save = |s: &State| s.save(&state_path);
    state.pending = Some(Pending {
        toplevel: opts.toplevel.clone(),
        step: "started".into(),
    });
    save(&state)?;
    activate::pause_point("started");

    let t = Instant::now();
    activate::packages::apply(
        layout,
        &manifest.packages,
        opts.install_packages,
        &mut state,
        &mut outcome.report,
    )?;
    outcome.timings.activation += t.elapsed();

    if let (Some(sd), Some(plan)) = (systemd.as_mut(), &outcome.plan) {
        for a in &plan.skip {
            eprintln!("not restarting {}: {}", a.unit, a.reason);
        }
        let failed = activate::units::run_phase(sd, JobKind::Stop, &plan.stop);
        outcome.failures.extend(failed);
    }
    activate::pause_point("stopped");

    let t = Instant::now();
    {
        let mut ctx = Ctx {
            layout,
            toplevel: opts.toplevel.clone(),
            toplevel_host: toplevel_host.clone(),
            manifest: &manifest,
            state: &mut state,
            backup_existing: opts.backup_existing,
            report: &mut outcome.report,
        };
        activate::users::apply(&mut ctx);
        ctx.state.pending.as_mut().expect("pending").step = "etc".into();
        if let Err(e) = activate::etc_files::apply(&mut ctx, &etc_plan, &save) {
            ctx.report.error(e);
        }
        activate::pause_point("etc");
        // Keys (users exist now); `boot` leaves them to the next boot's sysnix-keys.service.
        if online || layout.is_offline() {
            activate::keys::apply(&mut ctx, &save);
        }
        if online {
            activate::tmpfiles::apply(&mut ctx);
            activate::sysctl::apply(&mut ctx);
            activate::kernel_modules::apply(&mut ctx);
            activate::firewall::apply(&mut ctx);
        } else if layout.is_offline() {
            activate::tmpfiles::apply(&mut ctx);
            activate::units::enable_offline(&mut ctx);
        }
    }
    outcome.timings.activation += t.elapsed();

    if let (Some(sd), Some(plan)) = (systemd.as_mut(), &outcome.plan) {
        let t = Instant::now();
        for a in &plan.start {
            sd.reset_failed(&a.unit);
        }
        sd.daemon_reload()?;
        outcome.timings.daemon_reload = t.elapsed();
        activate::pause_point("daemon-reload");
        let mut failed = activate::units::run_reloads(sd, &plan.reload);
        failed.extend(activate::units::run_phase(
            sd,
            JobKind::Restart,
            &plan.restart,
        ));
        failed.extend(activate::units::run_phase(sd, JobKind::Start, &plan.start));
        outcome.failures.extend(failed);
        outcome.timings.systemd_wait = sd.waited;
    }

    // Done: the new system is current (or, for `boot`, the next boot's). After errors
    // the intent stays recorded, so the next switch knows it has work to finish.
    if !outcome.report.errors.is_empty() {
        if let Some(p) = state.pending.as_mut() {
            p.step = "finished with errors".into();
        }
        save(&state)?;
        outcome.timings.total = started.elapsed();
        return Ok(outcome);
    }
    state.pending = None;
    state.units = manifest.units.iter().cloned().collect();
    if opts.action == Action::Boot && !layout.is_offline() {
        state.next_boot = Some(NextBoot {
            toplevel: opts.toplevel.clone(),
            boot_id: boot_id(),
        });
    } else {
        state.current = Some(opts.toplevel.clone());
        state.next_boot = None;
    }
    save(&state)?;
    outcome.timings.total = started.elapsed();
    Ok(outcome)
}
