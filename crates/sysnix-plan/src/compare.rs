//! Comparing two versions of a unit, as switch-to-configuration's `compare_units` does,
//! and naming what changed.
//!
//! The rules (switch-to-configuration-ng, `compare_units`):
//! - `[Install]` is left out (it only matters to `systemctl enable`).
//! - Keys are compared as sets per section; each key's values as an ordered list (after
//!   empty assignments reset). Order of different keys never matters.
//! - In `[Unit]`, changes of `Description`, `Documentation`, `OnFailure`, `OnSuccess`,
//!   `OnFailureJobMode`, `IgnoreOnIsolate`, `StopWhenUnneeded`, `RefuseManualStart`,
//!   `RefuseManualStop`, `AllowIsolate`, `CollectMode`, `SourcePath` are ignored (a
//!   daemon-reload applies them); `X-Reload-Triggers` added or changed asks for a
//!   reload (removed, it is ignored).
//!   A `[Unit]` section appearing or disappearing counts only through its keys.
//! - In `[Mount]`, a change of `Options` (present in both versions) asks for a reload
//!   (a remount).
//! - Anything else (another section appearing or disappearing, any other key added,
//!   removed or changed, `X-Restart-Triggers` included) asks for a restart.

use crate::unit_file::{Settings, UnitFile};

/// `[Unit]` keys whose changes need neither restart nor reload.
pub const UNIT_SECTION_IGNORED: &[&str] = &[
    "X-Reload-Triggers",
    "Description",
    "Documentation",
    "OnFailure",
    "OnSuccess",
    "OnFailureJobMode",
    "IgnoreOnIsolate",
    "StopWhenUnneeded",
    "RefuseManualStart",
    "RefuseManualStop",
    "AllowIsolate",
    "CollectMode",
    "SourcePath",
];

/// What a change of unit file needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// Nothing that matters changed.
    Equal,
    /// Only reload-worthy keys changed (`X-Reload-Triggers`, a mount's `Options`).
    Reload,
    /// Something else changed.
    Restart,
}

/// The outcome of comparing two versions of a unit, with the keys behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub verdict: Verdict,
    /// Keys (or `[Section]`s) whose change needs a restart, in section then key order.
    pub restart_keys: Vec<String>,
    /// Keys whose change needs a reload.
    pub reload_keys: Vec<String>,
    /// Keys that changed but do not matter (`Description`, …), and `[Install]` changes.
    pub ignored_keys: Vec<String>,
}

impl Comparison {
    /// Every changed key, restart ones first.
    pub fn all_keys(&self) -> Vec<String> {
        let mut keys = self.restart_keys.clone();
        keys.extend(self.reload_keys.iter().cloned());
        keys.extend(self.ignored_keys.iter().cloned());
        keys
    }

    /// "ExecStart changed", "ExecStart and User changed", "A, B, C and 2 more changed": the
    /// keys deciding the verdict.
    pub fn describe(&self) -> String {
        let keys = match self.verdict {
            Verdict::Restart => &self.restart_keys,
            Verdict::Reload => &self.reload_keys,
            Verdict::Equal => &self.ignored_keys,
        };
        describe_keys(keys)
    }
}

/// Names a list of changed keys: "A changed", "A and B changed", "A, B, C and 2 more changed".
pub fn describe_keys(keys: &[String]) -> String {
    match keys {
        [] => "nothing changed".to_string(),
        [a] => format!("{a} changed"),
        [a, b] => format!("{a} and {b} changed"),
        [a, b, c] => format!("{a}, {b} and {c} changed"),
        [a, b, c, rest @ ..] => format!("{a}, {b}, {c} and {} more changed", rest.len()),
    }
}

/// Compares two versions of a unit (each with its drop-ins applied).
pub fn compare_units(old: &UnitFile, new: &UnitFile) -> Comparison {
    let mut cmp = compare_settings(&old.settings(), &new.settings());
    // `[Install]` never matters; note its changes all the same.
    if install_of(old) != install_of(new) {
        cmp.ignored_keys.push("[Install]".to_string());
    }
    cmp
}

fn install_of(file: &UnitFile) -> Option<Vec<(String, String)>> {
    file.sections.iter().find(|s| s.name == "Install").map(|s| {
        s.entries
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    })
}

/// Compares effective settings (see the module documentation for the rules).
pub fn compare_settings(old: &Settings, new: &Settings) -> Comparison {
    let mut cmp = Comparison {
        verdict: Verdict::Equal,
        restart_keys: Vec::new(),
        reload_keys: Vec::new(),
        ignored_keys: Vec::new(),
    };
    let empty = Default::default();
    let mut sections: Vec<&String> = old.keys().chain(new.keys()).collect();
    sections.sort();
    sections.dedup();
    for section in sections {
        let (o, n) = (old.get(section), new.get(section));
        if section != "Unit" && o.is_none() != n.is_none() {
            let what = if o.is_none() { "added" } else { "removed" };
            cmp.restart_keys.push(format!("[{section}] section {what}"));
            continue;
        }
        let (o, n) = (o.unwrap_or(&empty), n.unwrap_or(&empty));
        let mut keys: Vec<&String> = o.keys().chain(n.keys()).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            let (ov, nv) = (o.get(key), n.get(key));
            if ov == nv {
                continue;
            }
            let list = if section == "Unit" && key == "X-Reload-Triggers" && nv.is_some() {
                &mut cmp.reload_keys
            } else if section == "Unit" && UNIT_SECTION_IGNORED.contains(&key.as_str()) {
                &mut cmp.ignored_keys
            } else if section == "Mount" && key == "Options" && ov.is_some() && nv.is_some() {
                &mut cmp.reload_keys
            } else {
                &mut cmp.restart_keys
            };
            list.push(key.clone());
        }
    }
    cmp.verdict = if !cmp.restart_keys.is_empty() {
        Verdict::Restart
    } else if !cmp.reload_keys.is_empty() {
        Verdict::Reload
    } else {
        Verdict::Equal
    };
    cmp
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp(old: &str, new: &str) -> Comparison {
        compare_units(
            &UnitFile::parse(old).unwrap(),
            &UnitFile::parse(new).unwrap(),
        )
    }

    #[test]
    fn equal_units() {
        let c = cmp("[Service]\nExecStart=/a\n", "[Service]\nExecStart=/a\n");
        assert_eq!(c.verdict, Verdict::Equal);
        assert!(c.all_keys().is_empty());
    }

    #[test]
    fn key_order_does_not_matter_value_order_does() {
        let c = cmp(
            "[Service]\nUser=a\nExecStart=/a\n",
            "[Service]\nExecStart=/a\nUser=a\n",
        );
        assert_eq!(c.verdict, Verdict::Equal);
        let c = cmp("[Unit]\nAfter=a\nAfter=b\n", "[Unit]\nAfter=b\nAfter=a\n");
        assert_eq!(c.verdict, Verdict::Restart);
        assert_eq!(c.restart_keys, vec!["After"]);
    }

    #[test]
    fn exec_start_change_restarts() {
        let c = cmp("[Service]\nExecStart=/a\n", "[Service]\nExecStart=/b\n");
        assert_eq!(c.verdict, Verdict::Restart);
        assert_eq!(c.describe(), "ExecStart changed");
    }

    #[test]
    fn ignored_unit_keys() {
        let c = cmp(
            "[Unit]\nDescription=a\nDocumentation=man:a\n[Service]\nExecStart=/a\n",
            "[Unit]\nDescription=b\nRefuseManualStop=true\n[Service]\nExecStart=/a\n[Install]\nWantedBy=x\n",
        );
        assert_eq!(c.verdict, Verdict::Equal);
        assert_eq!(
            c.ignored_keys,
            vec![
                "Description",
                "Documentation",
                "RefuseManualStop",
                "[Install]"
            ]
        );
    }

    #[test]
    fn ignored_keys_only_in_unit_section() {
        let c = cmp("[Service]\nDescription=a\n", "[Service]\nDescription=b\n");
        assert_eq!(c.verdict, Verdict::Restart);
    }

    #[test]
    fn reload_triggers_reload() {
        let c = cmp(
            "[Unit]\nX-Reload-Triggers=/s/a\n[Service]\nExecStart=/a\n",
            "[Unit]\nX-Reload-Triggers=/s/b\n[Service]\nExecStart=/a\n",
        );
        assert_eq!(c.verdict, Verdict::Reload);
        assert_eq!(c.describe(), "X-Reload-Triggers changed");
        // Added, or the whole [Unit] section appearing with it.
        assert_eq!(
            cmp(
                "[Service]\nA=1\n",
                "[Unit]\nX-Reload-Triggers=/s\n[Service]\nA=1\n"
            )
            .verdict,
            Verdict::Reload
        );
        // Removed: switch-to-configuration ignores a trigger going away.
        let c = cmp("[Unit]\nX-Reload-Triggers=/s\n", "[Unit]\n");
        assert_eq!(c.verdict, Verdict::Equal);
        assert_eq!(c.ignored_keys, vec!["X-Reload-Triggers"]);
    }

    #[test]
    fn reload_and_restart_together_restart() {
        let c = cmp(
            "[Unit]\nX-Reload-Triggers=/s/a\n[Service]\nExecStart=/a\n",
            "[Unit]\nX-Reload-Triggers=/s/b\n[Service]\nExecStart=/b\n",
        );
        assert_eq!(c.verdict, Verdict::Restart);
        assert_eq!(c.reload_keys, vec!["X-Reload-Triggers"]);
    }

    #[test]
    fn restart_triggers_restart() {
        let c = cmp(
            "[Unit]\nX-Restart-Triggers=/s/a\n",
            "[Unit]\nX-Restart-Triggers=/s/b\n",
        );
        assert_eq!(c.verdict, Verdict::Restart);
        assert_eq!(c.describe(), "X-Restart-Triggers changed");
    }

    #[test]
    fn sections_appearing_or_going() {
        let c = cmp("[Service]\nA=1\n", "[Service]\nA=1\n[Socket]\n");
        assert_eq!(c.restart_keys, vec!["[Socket] section added"]);
        let c = cmp("[Service]\nA=1\n[X]\n", "[Service]\nA=1\n");
        assert_eq!(c.restart_keys, vec!["[X] section removed"]);
        // An empty [Unit] going away is nothing.
        assert_eq!(
            cmp("[Unit]\n[Timer]\nA=1\n", "[Timer]\nA=1\n").verdict,
            Verdict::Equal
        );
        assert_eq!(
            cmp("[Unit]\nAfter=x\n[Timer]\nA=1\n", "[Timer]\nA=1\n").verdict,
            Verdict::Restart
        );
    }

    #[test]
    fn mount_options_reload() {
        let c = cmp(
            "[Mount]\nWhat=/dev/a\nOptions=rw\n",
            "[Mount]\nWhat=/dev/a\nOptions=ro\n",
        );
        assert_eq!(c.verdict, Verdict::Reload);
        assert_eq!(
            cmp("[Mount]\nOptions=\n", "[Mount]\nOptions=ro\n").verdict,
            Verdict::Reload
        );
        // Options newly added is a restart, as in switch-to-configuration.
        assert_eq!(
            cmp(
                "[Mount]\nWhat=/dev/a\n",
                "[Mount]\nWhat=/dev/a\nOptions=ro\n"
            )
            .verdict,
            Verdict::Restart
        );
        assert_eq!(
            cmp("[Mount]\nWhat=/dev/a\n", "[Mount]\nWhat=/dev/b\n").verdict,
            Verdict::Restart
        );
    }

    #[test]
    fn empty_assignment_differs_from_absence() {
        let c = cmp("[Service]\nPIDFile=\n", "[Service]\n");
        assert_eq!(c.verdict, Verdict::Restart);
        // Resets that end in the same list are equal.
        let c = cmp(
            "[Service]\nExecStart=\nExecStart=/a\n",
            "[Service]\nExecStart=/a\n",
        );
        assert_eq!(c.verdict, Verdict::Equal);
    }

    #[test]
    fn describing_many_keys() {
        let keys: Vec<String> = ["A", "B", "C", "D", "E"].map(String::from).to_vec();
        assert_eq!(describe_keys(&keys), "A, B, C and 2 more changed");
        assert_eq!(describe_keys(&keys[..2]), "A and B changed");
        assert_eq!(describe_keys(&keys[..3]), "A, B and C changed");
    }
}
