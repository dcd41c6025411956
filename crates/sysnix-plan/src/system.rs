//! A system's units: everything in a unit directory (a toplevel's `etc/systemd/system`),
//! and what systemd reports as running ([`Runtime`]).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::unit_file::{LoadError, Unit, load_unit, template_of, unit_kind};

/// The unit types a unit directory can hold (systemd.unit(5)).
const UNIT_KINDS: &[&str] = &[
    "service",
    "socket",
    "target",
    "timer",
    "path",
    "mount",
    "automount",
    "swap",
    "slice",
    "scope",
    "device",
];

/// Link directories and the relation they record.
const LINK_DIRS: &[&str] = &["wants", "requires", "upholds"];

/// Whether a name looks like a unit name (ends in a unit type).
pub fn is_unit_name(name: &str) -> bool {
    UNIT_KINDS.contains(&unit_kind(name)) && name.len() > unit_kind(name).len() + 1
}

/// Every unit one system defines, by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SystemUnits {
    pub units: BTreeMap<String, Unit>,
    /// Lines systemd would skip, and links that lead nowhere.
    pub warnings: Vec<String>,
}

impl SystemUnits {
    /// Loads a unit directory (a toplevel's `etc/systemd/system`, or /etc/systemd/system):
    /// every unit file and masked unit, units made only of drop-ins, alias links (recorded
    /// on the unit they name, not as units), and the `<unit>.wants/`, `.requires/`,
    /// `.upholds/` links as each unit's `wanted_by`, `required_by`, `upheld_by` (a link
    /// to an instance of a template adds that instance). A missing directory is a system
    /// without units.
    pub fn load(dir: &Path) -> Result<SystemUnits, LoadError> {
        let mut system = SystemUnits::default();
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(system),
            Err(error) => {
                return Err(LoadError {
                    path: dir.to_path_buf(),
                    error,
                });
            }
        };
        let mut names = BTreeSet::new();
        let mut dropin_dirs = BTreeSet::new();
        let mut link_dirs = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|error| LoadError {
                path: dir.to_path_buf(),
                error,
            })?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some((unit, kind)) = name.rsplit_once('.')
                && LINK_DIRS.contains(&kind)
                && is_unit_name(unit)
            {
                link_dirs.push((unit.to_string(), kind.to_string()));
            } else if let Some(unit) = name.strip_suffix(".d")
                && is_unit_name(unit)
            {
                dropin_dirs.insert(unit.to_string());
            } else if is_unit_name(&name) {
                names.insert(name);
            }
        }

        // Aliases: `alias.service -> nginx.service`, a link to another unit of the dir.
        let mut aliases: Vec<(String, String)> = Vec::new();
        for name in &names {
            if let Ok(target) = fs::read_link(dir.join(name)) {
                let target = target.to_string_lossy().into_owned();
                if !target.contains('/') && target != *name && names.contains(&target) {
                    aliases.push((name.clone(), target));
                }
            }
        }
        let alias_names: BTreeSet<&String> = aliases.iter().map(|(a, _)| a).collect();

        for name in names.iter().chain(dropin_dirs.iter()) {
            if alias_names.contains(name) || system.units.contains_key(name) {
                continue;
            }
            if let Some(unit) = load_unit(dir, name)? {
                system.add(unit);
            }
        }
        for (alias, target) in &aliases {
            if let Some(unit) = system.units.get_mut(target) {
                unit.aliases.push(alias.clone());
            }
        }

        link_dirs.sort();
        for (owner, kind) in link_dirs {
            let link_dir = dir.join(format!("{owner}.{kind}"));
            let mut linked = Vec::new();
            for entry in fs::read_dir(&link_dir).map_err(|error| LoadError {
                path: link_dir.clone(),
                error,
            })? {
                let entry = entry.map_err(|error| LoadError {
                    path: link_dir.clone(),
                    error,
                })?;
                linked.push(entry.file_name().to_string_lossy().into_owned());
            }
            linked.sort();
            for name in linked {
                // A link names the unit by its own name; an alias stands for its unit.
                let name = aliases
                    .iter()
                    .find(|(a, _)| *a == name)
                    .map(|(_, t)| t.clone())
                    .unwrap_or(name);
                if !system.units.contains_key(&name) {
                    match template_of(&name) {
                        Some(_) => match load_unit(dir, &name)? {
                            Some(unit) => system.add(unit),
                            None => {
                                system.warnings.push(format!(
                                    "{}/{name}: no unit file or template for it",
                                    link_dir.display()
                                ));
                                continue;
                            }
                        },
                        None => {
                            system.warnings.push(format!(
                                "{}/{name}: no unit file for it",
                                link_dir.display()
                            ));
                            continue;
                        }
                    }
                }
                let unit = system.units.get_mut(&name).expect("added above");
                let list = match kind.as_str() {
                    "wants" => &mut unit.wanted_by,
                    "requires" => &mut unit.required_by,
                    _ => &mut unit.upheld_by,
                };
                if !list.contains(&owner) {
                    list.push(owner.clone());
                }
            }
        }
        let warnings: Vec<String> = system
            .units
            .values()
            .flat_map(|u| u.warnings.iter().cloned())
            .collect();
        system.warnings.splice(0..0, warnings);
        Ok(system)
    }

    /// A system from units built in memory.
    pub fn from_units(units: impl IntoIterator<Item = Unit>) -> SystemUnits {
        let mut system = SystemUnits::default();
        for unit in units {
            system.add(unit);
        }
        system
    }

    /// Adds (or replaces) a unit.
    pub fn add(&mut self, unit: Unit) {
        self.units.insert(unit.name.clone(), unit);
    }

    /// The unit of that name; for an instance (`getty@tty1.service`) without its own
    /// entry, its template's.
    pub fn get(&self, name: &str) -> Option<&Unit> {
        self.units
            .get(name)
            .or_else(|| template_of(name).and_then(|t| self.units.get(&t)))
    }

    /// The unit of that name if it is defined and not masked.
    pub fn get_enabled(&self, name: &str) -> Option<&Unit> {
        self.get(name).filter(|u| !u.masked)
    }
}

/// What systemd says about one unit (`org.freedesktop.systemd1.Unit` properties).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRuntime {
    /// `ActiveState`: active, reloading, inactive, failed, activating, deactivating,
    /// maintenance, refreshing.
    pub active_state: String,
    /// `SubState`: running, exited, dead, listening, auto-restart, …
    pub sub_state: String,
    /// `LoadState` is `loaded`.
    #[serde(default = "yes")]
    pub loaded: bool,
}

fn yes() -> bool {
    true
}

/// What systemd is running, by unit name: what the executor reads before planning
/// (`ListUnits`, leaving out units whose `Following` is set, as switch-to-configuration
/// does). A unit not listed is inactive. List a unit under each of its names (the `Names`
/// property) when aliases matter, e.g. `default.target` for the target it stands for, so
/// that units wanted by the alias are found active.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Runtime {
    pub units: BTreeMap<String, UnitRuntime>,
}

impl Runtime {
    /// Nothing running.
    pub fn new() -> Runtime {
        Runtime::default()
    }

    /// Records a unit's state.
    pub fn insert(&mut self, unit: &str, active_state: &str, sub_state: &str) {
        self.units.insert(
            unit.to_string(),
            UnitRuntime {
                active_state: active_state.to_string(),
                sub_state: sub_state.to_string(),
                loaded: true,
            },
        );
    }

    /// Builder form of [`Runtime::insert`].
    pub fn with(mut self, unit: &str, active_state: &str, sub_state: &str) -> Runtime {
        self.insert(unit, active_state, sub_state);
        self
    }

    /// The state systemd reports for a unit.
    pub fn state(&self, unit: &str) -> Option<&UnitRuntime> {
        self.units.get(unit)
    }

    /// Whether the unit runs (or is on its way up): `ActiveState` active or activating, as
    /// switch-to-configuration counts it, and also reloading and refreshing (a unit
    /// reloading is running; switch-to-configuration does not list these two).
    pub fn is_running(&self, unit: &str) -> bool {
        self.units.get(unit).is_some_and(|u| {
            matches!(
                u.active_state.as_str(),
                "active" | "activating" | "reloading" | "refreshing"
            )
        })
    }

    /// Whether systemd reports the unit failed.
    pub fn is_failed(&self, unit: &str) -> bool {
        self.units
            .get(unit)
            .is_some_and(|u| u.active_state == "failed")
    }
}
