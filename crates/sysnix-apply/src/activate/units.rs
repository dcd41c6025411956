//! Units: on a running systemd, the plan carried out over D-Bus (stop before the other
//! steps; daemon-reload, then reload, restart, start after them), each job waited for;
//! with `--root`, units are enabled with `systemctl --root` (the toplevel's `.wants/`
//! links are already installed with /etc; units that carry an `[Install]` section, such
//! as a host unit amended by drop-ins, are enabled by systemctl).

use super::{Ctx, run};
use crate::systemd::{JobKind, JobOutcome, Systemd};
use std::process::Command;
use sysnix_plan::UnitAction;

/// The reload phase: a unit that is no longer running (stopping others took it down) is
/// started instead when the plan says so, else left alone; the rest are reloaded.
pub fn run_reloads(sd: &mut Systemd, actions: &[UnitAction]) -> Vec<Failure> {
    let mut reload = Vec::new();
    let mut start = Vec::new();
    for a in actions {
        let active = sd
            .unit_state(&a.unit)
            .is_ok_and(|(s, _)| matches!(s.as_str(), "active" | "activating" | "reloading"));
        if active {
            reload.push(a.clone());
        } else if a.start_if_inactive {
            start.push(a.clone());
        }
    }
    let mut failures = run_phase(sd, JobKind::Reload, &reload);
    failures.extend(run_phase(sd, JobKind::Start, &start));
    failures
}

/// A failed unit with the end of its journal.
#[derive(Clone, Debug)]
pub struct Failure {
    /// The unit.
    pub unit: String,
    /// What was asked and how it ended (`start: failed`).
    pub what: String,
    /// `journalctl -u UNIT -n 20`.
    pub journal: String,
}

/// Queues one job per unit and waits for all; returns the failures.
pub fn run_phase(sd: &mut Systemd, kind: JobKind, actions: &[UnitAction]) -> Vec<Failure> {
    if actions.is_empty() {
        return Vec::new();
    }
    for a in actions.iter().filter(|a| !a.quiet) {
        let verb = match kind {
            JobKind::Stop => "stopping",
            JobKind::Start => "starting",
            JobKind::Restart => "restarting",
            JobKind::Reload => "reloading",
            JobKind::ReloadOrRestart => "reloading or restarting",
        };
        eprintln!("{verb} {} ({})", a.unit, a.reason);
    }
    let jobs: Vec<(JobKind, String)> = actions.iter().map(|a| (kind, a.unit.clone())).collect();
    let outcomes = sd.run_jobs(&jobs);
    outcomes
        .into_iter()
        .filter(|o| !o.ok())
        .map(|o| failure(kind, &o))
        .collect()
}

fn failure(kind: JobKind, o: &JobOutcome) -> Failure {
    let verb = match kind {
        JobKind::Stop => "stop",
        JobKind::Start => "start",
        JobKind::Restart => "restart",
        JobKind::Reload => "reload",
        JobKind::ReloadOrRestart => "reload-or-restart",
    };
    Failure {
        unit: o.unit.clone(),
        what: format!("{verb}: {}", o.result),
        journal: journal_tail(&o.unit),
    }
}

/// The last 20 lines of a unit's journal.
pub fn journal_tail(unit: &str) -> String {
    run(
        Command::new("journalctl").args(["-u", unit, "-n", "20", "--no-pager"]),
        None,
    )
    .output
}

/// With `--root`: `systemctl --root enable` for enabled units that have an `[Install]`
/// section (the others are enabled by the `.wants/` links /etc already holds).
pub fn enable_offline(ctx: &mut Ctx) {
    let Some(files) = ctx.manifest_value("unitFiles").and_then(|v| v.as_object()) else {
        return;
    };
    let dir = ctx.layout.etc().join("systemd/system");
    let mut to_enable = Vec::new();
    for (unit, f) in files {
        if f.get("enable").and_then(|v| v.as_bool()) != Some(true) {
            continue;
        }
        let text = std::fs::read_to_string(ctx.toplevel_host.join("etc/systemd/system").join(unit))
            .or_else(|_| std::fs::read_to_string(dir.join(unit)))
            .unwrap_or_default();
        if text.lines().any(|l| l.trim() == "[Install]") {
            to_enable.push(unit.clone());
        }
    }
    if to_enable.is_empty() {
        return;
    }
    let ran = run(
        Command::new("systemctl")
            .arg(format!("--root={}", ctx.layout.root.display()))
            .arg("enable")
            .args(&to_enable),
        None,
    );
    if !ran.ok {
        ctx.report.error(format!(
            "systemctl --root enable {} failed:\n{}",
            to_enable.join(" "),
            ran.output
        ));
    }
}
