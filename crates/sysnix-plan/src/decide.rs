//! The decisions: each unit's fate, as switch-to-configuration (switch-to-configuration-ng,
//! `do_system_switch` and `handle_modified_unit`) decides it. See the crate documentation
//! for the table.

use std::collections::{BTreeMap, BTreeSet};

use crate::compare::{Verdict, compare_units};
use crate::render::{ChangeKind, Mode, Plan, UnitAction, UnitChange};
use crate::system::{Runtime, SystemUnits};
use crate::unit_file::{Unit, UnitFile, template_of, unit_base_name, unit_kind};

/// Targets switch-to-configuration never starts again (a resumed system may still show them
/// active).
const SLEEP_TARGETS: &[&str] = &["suspend.target", "hibernate.target", "hybrid-sleep.target"];

/// Units that cannot be restarted directly (switch-to-configuration's list; slices too).
const NOT_RESTARTABLE: &[&str] = &[
    "sysinit.target",
    "basic.target",
    "multi-user.target",
    "graphical.target",
];

/// Mounts remounted instead of restarted when they change: the root, and the store's file
/// system (switch-to-configuration: `-.mount` and `nix.mount`; sysnix's store is /sysnix).
const REMOUNT_ONLY: &[&str] = &["-.mount", "sysnix.mount", "sysnix-store.mount"];

/// Decides what switching from `old` (`None`: the first switch) to `new` does to units, given
/// what systemd runs. Pure: reads nothing but its arguments.
///
/// `Boot` plans nothing at runtime and only reports [`Plan::changes`]; `Test` and
/// `DryActivate` plan exactly as `Switch`.
pub fn plan(old: Option<&SystemUnits>, new: &SystemUnits, runtime: &Runtime, mode: Mode) -> Plan {
    let empty = SystemUnits::default();
    let old = old.unwrap_or(&empty);
    let mut plan = Plan::empty(mode);
    let (changes, unchanged) = diff_systems(old, new);
    plan.changes = changes;
    if mode == Mode::Boot {
        plan.unchanged = unchanged.len();
        plan.unchanged_units = unchanged;
        return plan;
    }
    let mut d = Decider {
        old,
        new,
        runtime,
        stop: BTreeMap::new(),
        skip: BTreeMap::new(),
        reload: BTreeMap::new(),
        restart: BTreeMap::new(),
        start: BTreeMap::new(),
    };
    for name in runtime.units.keys() {
        if runtime.is_running(name) {
            d.running_unit(name);
        }
    }
    d.wanted_starts();

    // A unit acted on is not also skipped; a unit restarted is not also reloaded.
    for name in d
        .stop
        .keys()
        .chain(d.start.keys())
        .chain(d.restart.keys())
        .chain(d.reload.keys())
        .cloned()
        .collect::<Vec<_>>()
    {
        d.skip.remove(&name);
    }
    for name in d.restart.keys().cloned().collect::<Vec<_>>() {
        d.reload.remove(&name);
    }
    let acted: BTreeSet<&String> = d
        .stop
        .keys()
        .chain(d.skip.keys())
        .chain(d.reload.keys())
        .chain(d.restart.keys())
        .chain(d.start.keys())
        .collect();
    plan.unchanged_units = unchanged
        .into_iter()
        .filter(|u| !acted.contains(u))
        .collect();
    plan.unchanged = plan.unchanged_units.len();
    plan.stop = sorted(d.stop);
    plan.skip = sorted(d.skip);
    plan.reload = sorted(d.reload);
    plan.restart = sorted(d.restart);
    plan.start = sorted(d.start);
    plan
}

fn sorted(map: BTreeMap<String, UnitAction>) -> Vec<UnitAction> {
    let mut list: Vec<UnitAction> = map.into_values().collect();
    list.sort_by(|a, b| {
        a.unit
            .to_lowercase()
            .cmp(&b.unit.to_lowercase())
            .then_with(|| a.unit.cmp(&b.unit))
    });
    list
}

/// How the unit definitions differ: the changes, and the names of unchanged units.
pub fn diff_systems(old: &SystemUnits, new: &SystemUnits) -> (Vec<UnitChange>, Vec<String>) {
    let mut changes = Vec::new();
    let mut unchanged = Vec::new();
    let names: BTreeSet<&String> = old.units.keys().chain(new.units.keys()).collect();
    for name in names {
        let change = |kind, keys| UnitChange {
            unit: name.clone(),
            kind,
            keys,
        };
        match (old.units.get(name), new.units.get(name)) {
            (None, Some(n)) if n.masked => changes.push(change(ChangeKind::Masked, vec![])),
            (None, Some(_)) => changes.push(change(ChangeKind::Added, vec![])),
            (Some(_), None) => changes.push(change(ChangeKind::Removed, vec![])),
            (Some(o), Some(n)) => match (o.masked, n.masked) {
                (true, true) => unchanged.push(name.clone()),
                (false, true) => changes.push(change(ChangeKind::Masked, vec![])),
                (true, false) => changes.push(change(ChangeKind::Unmasked, vec![])),
                (false, false) => {
                    let mut keys = compare_units(&o.file, &n.file).all_keys();
                    if o.dropin_only != n.dropin_only {
                        keys.insert(0, "drop-in only".to_string());
                    }
                    match keys.is_empty() {
                        true => unchanged.push(name.clone()),
                        false => changes.push(change(ChangeKind::Changed, keys)),
                    }
                }
            },
            (None, None) => unreachable!("name from one of the maps"),
        }
    }
    (changes, unchanged)
}

struct Decider<'a> {
    old: &'a SystemUnits,
    new: &'a SystemUnits,
    runtime: &'a Runtime,
    stop: BTreeMap<String, UnitAction>,
    skip: BTreeMap<String, UnitAction>,
    reload: BTreeMap<String, UnitAction>,
    restart: BTreeMap<String, UnitAction>,
    start: BTreeMap<String, UnitAction>,
}

fn add(list: &mut BTreeMap<String, UnitAction>, unit: &str, reason: String) {
    list.entry(unit.to_string())
        .or_insert_with(|| UnitAction::new(unit, reason));
}

impl Decider<'_> {
    /// A unit systemd runs: switch-to-configuration's main loop over active units.
    fn running_unit(&mut self, name: &str) {
        let old = self.old.get_enabled(name);
        let new = self.new.get(name);
        match (old, new) {
            (None, None) => {} // not the configuration's: left alone
            (_, Some(n)) if n.masked => self.removed(name, old, "masked in the new configuration"),
            (Some(o), None) if o.dropin_only => {
                // Only the drop-ins go; the host's unit stays, changed.
                let cmp = compare_units(&o.file, &UnitFile::default());
                let what = format!("drop-ins removed: {}", cmp.describe());
                self.changed(name, &UnitFile::default(), cmp.verdict, what);
            }
            (Some(_), None) => self.removed(name, old, "removed from the configuration"),
            (_, Some(n)) if unit_kind(name) == "target" => self.active_target(name, n),
            (Some(o), Some(n)) => {
                let cmp = compare_units(&o.file, &n.file);
                let what = match o.dropin_only && n.dropin_only {
                    true => format!("drop-ins: {}", cmp.describe()),
                    false => cmp.describe(),
                };
                self.changed(name, &n.file, cmp.verdict, what);
            }
            (None, Some(n)) => {
                // Running from a host unit file (or an old generation without it): the
                // configuration now defines it, so its definition changed.
                let what = if n.dropin_only {
                    "drop-ins added"
                } else {
                    "now defined by the configuration"
                };
                self.changed(name, &n.file, Verdict::Restart, what.to_string());
            }
        }
    }

    /// A running unit gone from the configuration (or masked): stopped unless its old
    /// definition says `X-StopOnRemoval=false`.
    fn removed(&mut self, name: &str, old: Option<&Unit>, why: &str) {
        let stop = old.is_none_or(|o| o.file.bool_or("Unit", "X-StopOnRemoval", true));
        match stop {
            true => add(&mut self.stop, name, why.to_string()),
            false => add(
                &mut self.skip,
                name,
                format!("{why}, but X-StopOnRemoval=false"),
            ),
        }
    }

    /// An active target of the configuration: started again (quietly) so that it pulls in
    /// its new dependencies, and stopped first with `X-StopOnReconfiguration=true`.
    fn active_target(&mut self, name: &str, new: &Unit) {
        let f = &new.file;
        if !SLEEP_TARGETS.contains(&name)
            && !f.bool_or("Unit", "RefuseManualStart", false)
            && !f.bool_or("Unit", "X-OnlyManualStart", false)
        {
            self.start.entry(name.to_string()).or_insert(UnitAction {
                quiet: true,
                ..UnitAction::new(name, "active target, started again to pull in new units")
            });
        }
        if f.bool_or("Unit", "X-StopOnReconfiguration", false) {
            add(
                &mut self.stop,
                name,
                "X-StopOnReconfiguration=true".to_string(),
            );
        }
    }

    /// A running unit whose definition changed (`what` names the change).
    fn changed(&mut self, name: &str, new: &UnitFile, verdict: Verdict, what: String) {
        match verdict {
            Verdict::Equal => {}
            Verdict::Reload => {
                if !self.restart.contains_key(name) {
                    self.reload_action(name, new, what);
                }
            }
            Verdict::Restart => self.modified(name, new, what),
        }
    }

    fn reload_action(&mut self, name: &str, new: &UnitFile, reason: String) {
        let start_if_inactive = !new.bool_or("Unit", "RefuseManualStart", false)
            || new.bool_or("Unit", "X-OnlyManualStart", false);
        self.reload.entry(name.to_string()).or_insert(UnitAction {
            start_if_inactive,
            ..UnitAction::new(name, reason)
        });
    }

    /// switch-to-configuration's `handle_modified_unit`.
    fn modified(&mut self, name: &str, new: &UnitFile, what: String) {
        let kind = unit_kind(name);
        if NOT_RESTARTABLE.contains(&name) || kind == "slice" {
            let why = format!("{what}; a {kind} is not restarted (daemon-reload applies it)");
            add(&mut self.skip, name, why);
            return;
        }
        if kind == "mount" {
            if REMOUNT_ONLY.contains(&name) {
                self.reload_action(name, new, format!("{what}; remounted, never unmounted"));
            } else {
                add(&mut self.restart, name, what);
            }
            return;
        }
        if kind == "socket" {
            let why = format!("{what}; changed sockets are not restarted");
            add(&mut self.skip, name, why);
            return;
        }
        if new.bool_or("Service", "X-ReloadIfChanged", false)
            && !self.restart.contains_key(name)
            && !self.stop.contains_key(name)
        {
            self.reload_action(name, new, format!("{what} (X-ReloadIfChanged=true)"));
            return;
        }
        for (key, section, value, default) in [
            ("X-RestartIfChanged", "Service", false, true),
            ("RefuseManualStop", "Unit", true, false),
            ("X-OnlyManualStart", "Unit", true, false),
        ] {
            if new.bool_or(section, key, default) == value {
                add(&mut self.skip, name, format!("{what}, but {key}={value}"));
                return;
            }
        }
        if !new.bool_or("Service", "X-StopIfChanged", true) || kind != "service" {
            add(&mut self.restart, name, what);
            self.reload.remove(name);
            return;
        }
        // Stop now, start after activation, unless a socket starts it on demand: then its
        // sockets are stopped and started instead.
        let mut sockets: Vec<String> = new
            .values("Service", "Sockets")
            .unwrap_or_default()
            .iter()
            .flat_map(|v| v.split_whitespace())
            .map(String::from)
            .collect();
        if sockets.is_empty() {
            let base = template_of(name)
                .filter(|t| !self.new.units.contains_key(name) && self.new.units.contains_key(t))
                .map(|t| unit_base_name(&t).to_string())
                .unwrap_or_else(|| unit_base_name(name).to_string());
            sockets.push(format!("{base}.socket"));
        }
        let mut socket_activated = false;
        for socket in &sockets {
            // switch-to-configuration counts any state but inactive here.
            let listed = self
                .runtime
                .state(socket)
                .is_some_and(|s| s.active_state != "inactive");
            if !listed {
                continue;
            }
            let why = format!("socket of {name}, which changed");
            add(&mut self.stop, socket, why.clone());
            if self.new.get_enabled(socket).is_some() {
                add(
                    &mut self.start,
                    socket,
                    format!("{why}; it starts {name} on demand"),
                );
                socket_activated = true;
            }
        }
        if new.bool_or("Service", "X-NotSocketActivated", false) {
            socket_activated = false;
        }
        if socket_activated {
            add(
                &mut self.stop,
                name,
                format!("{what}; its socket starts it again on demand"),
            );
        } else {
            add(&mut self.start, name, what.clone());
            add(&mut self.stop, name, what);
        }
        self.reload.remove(name);
    }

    /// Units of the new system that are not running but are wanted (or required, upheld)
    /// by a target that is active or being started: started, as switch-to-configuration's
    /// start of every active target would pull them in.
    fn wanted_starts(&mut self) {
        loop {
            let active_targets: BTreeSet<String> = self
                .runtime
                .units
                .keys()
                .filter(|u| unit_kind(u) == "target" && self.runtime.is_running(u))
                .filter(|u| !self.stop.contains_key(*u) || self.start.contains_key(*u))
                .chain(self.start.keys().filter(|u| unit_kind(u) == "target"))
                .cloned()
                .collect();
            let mut new_targets = false;
            for (name, unit) in &self.new.units {
                if unit.masked
                    || self.runtime.is_running(name)
                    || self.start.contains_key(name)
                    || self.stop.contains_key(name)
                    || unit.file.bool_or("Unit", "RefuseManualStart", false)
                    || unit.file.bool_or("Unit", "X-OnlyManualStart", false)
                {
                    continue;
                }
                let relation = [
                    ("wanted", &unit.wanted_by),
                    ("required", &unit.required_by),
                    ("upheld", &unit.upheld_by),
                ]
                .into_iter()
                .find_map(|(rel, by)| {
                    by.iter()
                        .find(|t| active_targets.contains(*t))
                        .map(|t| format!("{rel} by {t}"))
                });
                let Some(by) = relation else { continue };
                let reason = match self.old.get_enabled(name) {
                    None => format!("new unit, {by}"),
                    Some(o) if compare_units(&o.file, &unit.file).verdict != Verdict::Equal => {
                        format!("changed, not running, {by}")
                    }
                    Some(_) if self.runtime.is_failed(name) => format!("failed, {by}"),
                    Some(_) => format!("not running, {by}"),
                };
                add(&mut self.start, name, reason);
                new_targets |= unit_kind(name) == "target";
            }
            if !new_targets {
                break;
            }
        }
    }
}
