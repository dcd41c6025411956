//! The exposure policy gate (`security.exposure.max`, `systemd.services.<n>.exposure.max`):
//! after a system is built, every service with a limit is scored (sysnix-security, the
//! numbers of `systemd-analyze security`) and compared with its limit. The limits come from
//! the activation manifest's `exposure` entry, written by nixos/modules/security/exposure.nix.

use std::path::Path;
use sysnix_security::{Assessment, tenths};

/// How many of the settings that would lower a score most are named.
const SUGGESTIONS: usize = 4;

/// What the gate found.
#[derive(Debug, Default)]
pub struct GateReport {
    /// `"enforce"` or `"warn"`.
    pub mode: String,
    /// Services checked, with their score (tenths) and limit (tenths).
    pub checked: Vec<(String, u32, u32)>,
    /// The report of each service over its limit.
    pub over: Vec<String>,
}

impl GateReport {
    /// True when the build must fail.
    pub fn fails(&self) -> bool {
        !self.over.is_empty() && self.mode != "warn"
    }

    /// The text listing the services over their limits, with what to do.
    pub fn render(&self) -> String {
        let n = self.over.len();
        let mut out = format!(
            "{n} service{} over {} exposure limit (security.exposure.max / systemd.services.<name>.exposure.max):\n",
            if n == 1 { " is" } else { "s are" },
            if n == 1 { "its" } else { "their" },
        );
        for o in &self.over {
            out.push_str(o);
        }
        out.push_str(
            "Set the settings named (or `systemd.services.<name>.sandbox = \"strict\"`), raise the \
             service's `exposure.max`, or set `security.exposure.mode = \"warn\"` to only report.",
        );
        out
    }
}

/// Limits are given as numbers 0–10; compared in tenths as systemd prints them (a limit of
/// 2.0 admits 2.0).
fn limit_tenths(v: &serde_json::Value) -> Option<u32> {
    let x = v.as_f64()?;
    (0.0..=10.0)
        .contains(&x)
        .then(|| (x * 10.0 + 1e-9).floor() as u32)
}

/// Runs the gate for the built `toplevel` (a system toplevel: `activation.json` and
/// `etc/systemd/system`). `Ok` with an empty report when there is no policy.
pub fn check(toplevel: &Path) -> Result<GateReport, String> {
    if !toplevel.join("activation.json").exists() {
        // Not a system (`-f FILE -A ATTR` builds any derivation): nothing to check.
        return Ok(GateReport::default());
    }
    let manifest = crate::summary::Manifest::read(toplevel)?;
    let Some(policy) = manifest.rest.get("exposure").filter(|p| !p.is_null()) else {
        return Ok(GateReport::default());
    };
    let mode = policy
        .get("mode")
        .and_then(|m| m.as_str())
        .unwrap_or("enforce")
        .to_string();
    let mut report = GateReport {
        mode,
        ..GateReport::default()
    };
    let units = policy
        .get("units")
        .and_then(|u| u.as_object())
        .cloned()
        .unwrap_or_default();
    for (unit, max) in units {
        let Some(max) = limit_tenths(&max) else {
            return Err(format!(
                "the exposure limit of {unit} in {}/activation.json is not a number between 0 and 10",
                toplevel.display()
            ));
        };
        let file = toplevel.join("etc/systemd/system").join(&unit);
        let a = sysnix_security::assess_file(&file)
            .map_err(|e| format!("scoring {unit} for the exposure limit: {e}"))?;
        report.checked.push((unit.clone(), a.exposure, max));
        if a.exposure > max {
            report.over.push(describe(&a, max));
        }
    }
    Ok(report)
}

fn describe(a: &Assessment, max: u32) -> String {
    let mut out = format!(
        "  - {}: exposure {} {}, limit {}\n",
        a.unit,
        tenths(a.exposure as u64),
        a.level(),
        tenths(max as u64)
    );
    let fixes = a.improvements();
    if !fixes.is_empty() {
        out.push_str("    would lower it most:");
        for row in fixes.iter().take(SUGGESTIONS) {
            out.push_str(&format!(
                " {} (→ {}),",
                row.name,
                tenths(a.exposure_if_fixed(row) as u64)
            ));
        }
        out.pop();
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_compared_in_tenths() {
        assert_eq!(limit_tenths(&serde_json::json!(2)), Some(20));
        assert_eq!(limit_tenths(&serde_json::json!(2.0)), Some(20));
        assert_eq!(limit_tenths(&serde_json::json!(9.6)), Some(96));
        assert_eq!(limit_tenths(&serde_json::json!(0.3)), Some(3));
        assert_eq!(limit_tenths(&serde_json::json!(11)), None);
        assert_eq!(limit_tenths(&serde_json::json!("2")), None);
    }
}
