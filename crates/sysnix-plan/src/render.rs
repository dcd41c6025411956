//! The plan as data ([`Plan`], serde) and as text for `dry-activate` and switch logs.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

/// What the switch is for, as switch-to-configuration's actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Activate now and make the generation the boot default.
    Switch,
    /// Activate now; the boot default stays.
    Test,
    /// Make the generation the boot default; nothing changes at runtime (the plan only
    /// reports how the unit files differ).
    Boot,
    /// Compute the `Switch` plan and print it; the executor changes nothing.
    DryActivate,
}

/// The steps of a switch, in the order the executor must take them (as
/// switch-to-configuration does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// Stop [`Plan::stop`] with the *old* unit files still in place (so `ExecStop=` of the
    /// old version runs), all jobs in mode "replace", and wait for every job. Print
    /// [`Plan::skip`] ("NOT restarting the following changed units").
    Stop,
    /// Activation: /etc files, users and groups, tmpfiles, sysctl, the firewall, and the
    /// new unit files in /etc/systemd/system.
    Activate,
    /// `ResetFailed`, then `Reload` (daemon-reload) and wait for the `Reloading` signal, so
    /// systemd knows the new units.
    DaemonReload,
    /// Reload [`Plan::reload`]. First check each is still active (stopping other units
    /// may have taken it down): an inactive one is started instead when its
    /// [`UnitAction::start_if_inactive`] is set, and not reloaded. Wait for the jobs.
    Reload,
    /// Restart [`Plan::restart`] and wait.
    Restart,
    /// Start [`Plan::start`] (quiet actions too) and wait. Then report units that failed.
    Start,
}

/// The phases of a mode: `Boot` has none at runtime; `DryActivate` lists those a switch
/// would take (the executor only prints).
pub fn phases(mode: Mode) -> Vec<Phase> {
    match mode {
        Mode::Boot => Vec::new(),
        Mode::Switch | Mode::Test | Mode::DryActivate => vec![
            Phase::Stop,
            Phase::Activate,
            Phase::DaemonReload,
            Phase::Reload,
            Phase::Restart,
            Phase::Start,
        ],
    }
}

/// One unit to act on, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitAction {
    pub unit: String,
    /// Why, in words: "removed from the configuration", "ExecStart changed", "new unit,
    /// wanted by multi-user.target".
    pub reason: String,
    /// Bookkeeping the user need not see (switch-to-configuration hides it too): active
    /// targets started again. Left out of [`Plan::render_text`].
    #[serde(default, skip_serializing_if = "is_false")]
    pub quiet: bool,
    /// Reload only: if the unit is no longer active when its reload comes, start it
    /// instead (switch-to-configuration's rule: unless `RefuseManualStart=true` without
    /// `X-OnlyManualStart=true`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub start_if_inactive: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl UnitAction {
    pub fn new(unit: &str, reason: impl Into<String>) -> UnitAction {
        UnitAction {
            unit: unit.to_string(),
            reason: reason.into(),
            quiet: false,
            start_if_inactive: false,
        }
    }
}

/// How a unit's definition differs between the two systems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// Only in the new system.
    Added,
    /// Only in the old system.
    Removed,
    /// In both, with different content.
    Changed,
    /// Masked in the new system, not in the old.
    Masked,
    /// Masked in the old system, not in the new.
    Unmasked,
}

/// A unit whose definition differs (whatever runs): what `boot` reports, and the
/// background of the actions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitChange {
    pub unit: String,
    pub kind: ChangeKind,
    /// For `Changed`: the keys that differ (`ExecStart`, `[Socket] section added`,
    /// `[Install]`), the ones switch-to-configuration ignores included.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<String>,
}

/// What a switch does to units, and why. Each list is sorted by unit name (case-blind,
/// as switch-to-configuration prints); the executor runs them in [`Plan::phases`] order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub mode: Mode,
    /// The order to carry the plan out (empty for `Boot`).
    pub phases: Vec<Phase>,
    /// Stopped before activation.
    pub stop: Vec<UnitAction>,
    /// Changed (or removed) while running, but left alone on purpose: reported, not acted on.
    pub skip: Vec<UnitAction>,
    /// Reloaded after activation.
    pub reload: Vec<UnitAction>,
    /// Restarted after the reloads.
    pub restart: Vec<UnitAction>,
    /// Started last: changed units stopped above, sockets of stopped socket-activated
    /// services, new and inactive units wanted by active targets, active targets.
    pub start: Vec<UnitAction>,
    /// How the unit definitions differ.
    pub changes: Vec<UnitChange>,
    /// How many units of the new system are unchanged and left as they are.
    pub unchanged: usize,
    /// Their names (for verbose output).
    pub unchanged_units: Vec<String>,
}

impl Plan {
    /// An empty plan for a mode.
    pub fn empty(mode: Mode) -> Plan {
        Plan {
            mode,
            phases: phases(mode),
            stop: Vec::new(),
            skip: Vec::new(),
            reload: Vec::new(),
            restart: Vec::new(),
            start: Vec::new(),
            changes: Vec::new(),
            unchanged: 0,
            unchanged_units: Vec::new(),
        }
    }

    /// Whether nothing is to be done at runtime (quiet target starts aside).
    pub fn is_noop(&self) -> bool {
        self.stop.is_empty()
            && self.reload.is_empty()
            && self.restart.is_empty()
            && self.start.iter().all(|a| a.quiet)
    }

    /// The plan as JSON (pretty-printed).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a plan serialises")
    }

    /// A plan from [`Plan::to_json`]'s output.
    pub fn from_json(text: &str) -> Result<Plan, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// One line per unit, in the order of the switch:
    ///
    /// ```text
    /// stop     old.service: removed from the configuration
    /// skip     db.service: ExecStart changed, but X-RestartIfChanged=false
    /// -- activate the configuration, then daemon-reload --
    /// reload   sysnix-firewall.service: ExecStart changed (X-ReloadIfChanged=true)
    /// restart  nbd-server.service: ExecStart changed
    /// start    new.service: new unit, wanted by multi-user.target
    /// 4 units unchanged
    /// ```
    ///
    /// Quiet actions and unchanged units are left out; see [`Plan::render_text_verbose`].
    /// For `Boot`, the lines say how the unit files differ.
    pub fn render_text(&self) -> String {
        self.render(false)
    }

    /// [`Plan::render_text`] with quiet actions and the unchanged units' names.
    pub fn render_text_verbose(&self) -> String {
        self.render(true)
    }

    fn render(&self, verbose: bool) -> String {
        let mut out = String::new();
        if self.mode == Mode::Boot {
            out.push_str("boot: units change at the next boot\n");
            for c in &self.changes {
                let kind = match c.kind {
                    ChangeKind::Added => "added",
                    ChangeKind::Removed => "removed",
                    ChangeKind::Changed => "changed",
                    ChangeKind::Masked => "masked",
                    ChangeKind::Unmasked => "unmasked",
                };
                match c.keys.is_empty() {
                    true => writeln!(out, "{kind:<8} {}", c.unit),
                    false => writeln!(out, "{kind:<8} {}: {}", c.unit, c.keys.join(", ")),
                }
                .unwrap();
            }
        } else {
            if self.mode == Mode::DryActivate {
                out.push_str("dry-activate: a switch would do this\n");
            }
            let line = |out: &mut String, verb: &str, list: &[UnitAction]| {
                for a in list.iter().filter(|a| verbose || !a.quiet) {
                    writeln!(out, "{verb:<8} {}: {}", a.unit, a.reason).unwrap();
                }
            };
            line(&mut out, "stop", &self.stop);
            line(&mut out, "skip", &self.skip);
            out.push_str("-- activate the configuration, then daemon-reload --\n");
            line(&mut out, "reload", &self.reload);
            line(&mut out, "restart", &self.restart);
            line(&mut out, "start", &self.start);
        }
        let s = if self.unchanged == 1 { "" } else { "s" };
        writeln!(out, "{} unit{s} unchanged", self.unchanged).unwrap();
        if verbose {
            for u in &self.unchanged_units {
                writeln!(out, "{:<8} {u}", "same").unwrap();
            }
        }
        out
    }

    /// switch-to-configuration's summary lines ("would stop the following units: a, b"),
    /// for logs that want its wording.
    pub fn render_stc_summary(&self) -> String {
        let dry = self.mode == Mode::DryActivate;
        let mut out = String::new();
        let mut group = |label_dry: &str, label: &str, list: &[UnitAction]| {
            let names: Vec<&str> = list
                .iter()
                .filter(|a| !a.quiet)
                .map(|a| a.unit.as_str())
                .collect();
            if !names.is_empty() {
                let label = if dry { label_dry } else { label };
                writeln!(out, "{label} {}", names.join(", ")).unwrap();
            }
        };
        group(
            "would stop the following units:",
            "stopping the following units:",
            &self.stop,
        );
        group(
            "would NOT stop the following changed units:",
            "NOT restarting the following changed units:",
            &self.skip,
        );
        group(
            "would reload the following units:",
            "reloading the following units:",
            &self.reload,
        );
        group(
            "would restart the following units:",
            "restarting the following units:",
            &self.restart,
        );
        group(
            "would start the following units:",
            "starting the following units:",
            &self.start,
        );
        out
    }
}
