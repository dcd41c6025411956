//! The plan the executor carries out: which units to stop, reload, restart and start,
//! each with its reason, as plain data. [`decide`] computes it from the old and new
//! systems' unit directories and what systemd runs, following switch-to-configuration's
//! main rules (changed running service: restart, or reload with `X-ReloadIfChanged`,
//! nothing with `X-RestartIfChanged=false`; removed running unit: stop; not running and
//! wanted by a target: start).

use crate::systemd::UnitStatus;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One unit's fate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnitAction {
    /// The unit.
    pub unit: String,
    /// Why.
    pub reason: String,
}

/// What happens to units, in the order the executor goes: stop (before the files change),
/// then reload, restart, start (after daemon-reload).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct UnitPlan {
    /// Stopped before activation.
    pub stop: Vec<UnitAction>,
    /// Reloaded after.
    pub reload: Vec<UnitAction>,
    /// Restarted after.
    pub restart: Vec<UnitAction>,
    /// Started after.
    pub start: Vec<UnitAction>,
}

impl UnitPlan {
    /// One line per unit: `restart nbd-server.service: ExecStart changed`.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        // A unit stopped before activation and started after is a restart to the reader.
        let started: BTreeSet<&str> = self.start.iter().map(|a| a.unit.as_str()).collect();
        let stopped: BTreeSet<&str> = self.stop.iter().map(|a| a.unit.as_str()).collect();
        for a in &self.stop {
            if started.contains(a.unit.as_str()) {
                out.push_str(&format!(
                    "restart {}: {} (stopped before activation, started after)\n",
                    a.unit, a.reason
                ));
            } else {
                out.push_str(&format!("stop {}: {}\n", a.unit, a.reason));
            }
        }
        for (verb, list) in [("reload", &self.reload), ("restart", &self.restart)] {
            for a in list {
                out.push_str(&format!("{verb} {}: {}\n", a.unit, a.reason));
            }
        }
        for a in &self.start {
            if !stopped.contains(a.unit.as_str()) {
                out.push_str(&format!("start {}: {}\n", a.unit, a.reason));
            }
        }
        if out.is_empty() {
            out.push_str("no unit changes\n");
        }
        out
    }

    /// Whether nothing happens to any unit.
    pub fn is_empty(&self) -> bool {
        self.stop.is_empty()
            && self.reload.is_empty()
            && self.restart.is_empty()
            && self.start.is_empty()
    }
}

/// A unit file as `section.key` → values.
type Parsed = BTreeMap<String, Vec<String>>;

fn parse(text: &str) -> Parsed {
    let mut section = String::new();
    let mut out: Parsed = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            section = line[1..line.len() - 1].to_string();
            continue;
        }
        if let Some((k, v)) = line.split_once('=') {
            out.entry(format!("{section}.{}", k.trim()))
                .or_default()
                .push(v.trim().to_string());
        }
    }
    out
}

/// The unit files (top level of the dir, links followed) and drop-ins, parsed.
fn load_units(dir: &Path) -> BTreeMap<String, Parsed> {
    let mut units = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return units;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let path = e.path();
        if let Some(unit) = name.strip_suffix(".d") {
            if path.is_dir() {
                let mut text = String::new();
                for leaf in crate::activate::tree_leaves(&path) {
                    text.push_str(&std::fs::read_to_string(path.join(leaf)).unwrap_or_default());
                    text.push('\n');
                }
                let entry: &mut Parsed = units.entry(unit.to_string()).or_default();
                for (k, v) in parse(&text) {
                    entry.entry(format!("dropin:{k}")).or_default().extend(v);
                }
            }
            continue;
        }
        if path.is_dir() || !name.contains('.') {
            continue;
        }
        let masked = std::fs::canonicalize(&path).is_ok_and(|p| p == Path::new("/dev/null"));
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let mut parsed = parse(&text);
        if masked {
            parsed.insert("masked".into(), vec!["yes".into()]);
        }
        units.entry(name).or_default().extend(parsed);
    }
    units
}

/// `target` for each `<target>.wants/<unit>` (and requires/upholds) link of the dir.
fn wanted_by(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let target = [".wants", ".requires", ".upholds"]
            .iter()
            .find_map(|s| name.strip_suffix(s));
        if let Some(target) = target
            && let Ok(links) = std::fs::read_dir(e.path())
        {
            for l in links.flatten() {
                out.entry(l.file_name().to_string_lossy().into_owned())
                    .or_insert_with(|| target.to_string());
            }
        }
    }
    out
}

fn flag(u: &Parsed, key: &str) -> Option<bool> {
    u.get(key)
        .and_then(|v| v.last())
        .map(|v| matches!(v.as_str(), "true" | "yes" | "1" | "on"))
}

/// Which keys differ between two parsed units, for the reason.
fn changed_keys(old: &Parsed, new: &Parsed) -> Vec<String> {
    let keys: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    keys.into_iter()
        .filter(|k| old.get(*k) != new.get(*k))
        .map(|k| k.rsplit('.').next().unwrap_or(k).to_string())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

fn running(status: Option<&UnitStatus>) -> bool {
    status.is_some_and(|s| {
        matches!(
            s.active_state.as_str(),
            "active" | "activating" | "reloading" | "refreshing"
        )
    })
}

/// Decides each unit's fate. `old_dir`/`new_dir` are the systems' `etc/systemd/system`
/// (no old dir: every unit is new to sysnix); `runtime` is what systemd reports.
pub fn decide(
    old_dir: Option<&Path>,
    new_dir: &Path,
    runtime: &BTreeMap<String, UnitStatus>,
) -> UnitPlan {
    let old = old_dir.map(load_units).unwrap_or_default();
    let new = load_units(new_dir);
    let wanted = wanted_by(new_dir);
    let mut plan = UnitPlan::default();
    let act = |unit: &str, reason: String| UnitAction {
        unit: unit.to_string(),
        reason,
    };
    for (name, u) in &old {
        let gone = new.get(name).is_none_or(|n| n.contains_key("masked"));
        if gone && running(runtime.get(name)) && !u.contains_key("masked") {
            let why = if new.contains_key(name) {
                "masked in the new configuration"
            } else {
                "removed from the configuration"
            };
            plan.stop.push(act(name, why.into()));
        }
    }
    for (name, u) in &new {
        if u.contains_key("masked") || name.ends_with(".target") || name.ends_with(".slice") {
            continue;
        }
        let status = runtime.get(name);
        if running(status) {
            let reason = match old.get(name) {
                None => "now defined by the configuration".to_string(),
                Some(o) if o == u => continue,
                Some(o) => format!("{} changed", changed_keys(o, u).join(", ")),
            };
            if flag(u, "Service.X-ReloadIfChanged") == Some(true) {
                plan.reload.push(act(name, reason));
            } else if flag(u, "Service.X-RestartIfChanged") == Some(false) {
                eprintln!("not restarting {name} ({reason}): X-RestartIfChanged=false");
            } else if flag(u, "Service.X-StopIfChanged") == Some(false)
                || !name.ends_with(".service")
            {
                plan.restart.push(act(name, reason));
            } else {
                plan.stop.push(act(name, reason.clone()));
                plan.start.push(act(name, reason));
            }
        } else if let Some(target) = wanted.get(name) {
            let failed = status.is_some_and(|s| s.active_state == "failed");
            let reason = if !old.contains_key(name) {
                format!("new unit, wanted by {target}")
            } else if failed {
                format!("failed, wanted by {target}")
            } else {
                format!("not running, wanted by {target}")
            };
            plan.start.push(act(name, reason));
        }
    }
    plan
}
