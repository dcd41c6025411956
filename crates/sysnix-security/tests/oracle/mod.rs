//! The oracle: `systemd-analyze security --offline=true` of the host's systemd (252), and
//! the comparison of its verdicts with sysnix's. Shared by sysnix-security's differential
//! test and sysnix-cli's `security` test (included there with `#[path]`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// One row as both sides report it: the check's name, its mark (`Some(true)` ✓,
/// `Some(false)` ✗, `None` n/a) and its share of the exposure (`"0.2"`, empty for none).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Verdict {
    pub name: String,
    pub set: Option<bool>,
    pub exposure: String,
}

/// A unit's whole assessment, as both sides report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// `"9.6"`
    pub exposure: String,
    /// `"UNSAFE"`
    pub level: String,
    pub rows: Vec<Verdict>,
}

/// The systemd-analyze to compare with. Outside CI a missing one skips the test (`None`,
/// with a message); with `CI=true` it fails it.
pub fn systemd_analyze() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("systemd-analyze"))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!(
                "systemd-analyze is missing, and CI=true: the differential test cannot run (install systemd 252)"
            );
        }
        eprintln!("skipping: systemd-analyze not found (set CI=true to make this a failure)");
    }
    found
}

fn run(analyze: &Path, unit: &Path, json: bool) -> Result<String, String> {
    let mut cmd = Command::new(analyze);
    cmd.args(["security", "--offline=true", "--no-pager"]);
    if json {
        cmd.arg("--json=short");
    }
    // UTF-8 so the marks and the arrow are systemd's usual glyphs.
    cmd.arg(unit)
        .env("LANG", "C.UTF-8")
        .env("SYSTEMD_COLORS", "0");
    let out = cmd
        .output()
        .map_err(|e| format!("cannot run {}: {e}", analyze.display()))?;
    if !out.status.success() {
        return Err(format!(
            "systemd-analyze security {} failed: {}",
            unit.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| e.to_string())
}

/// What systemd-analyze says about a unit file.
pub fn oracle(analyze: &Path, unit: &Path) -> Result<Report, String> {
    let json: serde_json::Value = serde_json::from_str(&run(analyze, unit, true)?)
        .map_err(|e| format!("systemd-analyze's JSON: {e}"))?;
    let mut rows = Vec::new();
    for row in json
        .as_array()
        .ok_or("systemd-analyze's JSON is not an array")?
    {
        rows.push(Verdict {
            name: row["name"].as_str().unwrap_or_default().to_string(),
            set: row["set"].as_bool(),
            exposure: row["exposure"].as_str().unwrap_or_default().to_string(),
        });
    }
    rows.sort();
    let text = run(analyze, unit, false)?;
    let overall = text
        .lines()
        .find(|l| l.contains("Overall exposure level for"))
        .ok_or_else(|| format!("no overall line in:\n{text}"))?;
    // "→ Overall exposure level for x.service: 9.6 UNSAFE 😨"
    let tail = overall
        .rsplit_once(": ")
        .map(|(_, t)| t)
        .unwrap_or_default();
    let mut words = tail.split_whitespace();
    Ok(Report {
        exposure: words.next().unwrap_or_default().to_string(),
        level: words.next().unwrap_or_default().to_string(),
        rows,
    })
}

/// sysnix's report in the same shape, from its JSON (`sysnix security --json`, or an
/// `Assessment` serialised).
pub fn from_sysnix_json(a: &serde_json::Value) -> Report {
    let exposure = a["exposure"].as_u64().unwrap_or(u64::MAX);
    let mut rows: Vec<Verdict> = a["rows"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|r| Verdict {
            name: r["name"].as_str().unwrap_or_default().to_string(),
            set: match r["verdict"].as_str() {
                Some("good") => Some(true),
                Some("bad" | "partial") => Some(false),
                _ => None,
            },
            exposure: r["exposure"]
                .as_u64()
                .map(|x| format!("{}.{}", x / 10, x % 10))
                .unwrap_or_default(),
        })
        .collect();
    rows.sort();
    Report {
        exposure: format!("{}.{}", exposure / 10, exposure % 10),
        level: a["level"].as_str().unwrap_or_default().to_string(),
        rows,
    }
}

/// The differences, one line each (empty when they agree).
pub fn differences(unit: &str, ours: &Report, theirs: &Report) -> Vec<String> {
    let mut out = Vec::new();
    if (ours.exposure.as_str(), ours.level.as_str())
        != (theirs.exposure.as_str(), theirs.level.as_str())
    {
        out.push(format!(
            "{unit}: overall {} {} (systemd: {} {})",
            ours.exposure, ours.level, theirs.exposure, theirs.level
        ));
    }
    let names = |r: &Report| r.rows.iter().map(|v| v.name.clone()).collect::<Vec<_>>();
    if names(ours) != names(theirs) {
        out.push(format!(
            "{unit}: rows differ: {:?} vs systemd {:?}",
            names(ours),
            names(theirs)
        ));
        return out;
    }
    for (a, b) in ours.rows.iter().zip(&theirs.rows) {
        if a != b {
            out.push(format!(
                "{unit}: {}: {:?} {:?} (systemd: {:?} {:?})",
                a.name, a.set, a.exposure, b.set, b.exposure
            ));
        }
    }
    out
}
