//! Debian packages: `apt-get install` the ones the system needs that are not installed
//! (skipped when all are). Runs before anything else changes, so a failing apt leaves the
//! machine as it was. Packages are never removed; the state file lists the ones sysnix
//! installed.

use super::{Report, run};
use crate::layout::Layout;
use crate::state::State;
use std::collections::BTreeSet;
use std::process::Command;

/// The packages of `wanted` dpkg does not report installed. `None` when the root has no
/// dpkg database to ask.
pub fn missing(layout: &Layout, wanted: &[String]) -> Option<Vec<String>> {
    if wanted.is_empty() {
        return Some(Vec::new());
    }
    let admindir = layout.host("/var/lib/dpkg");
    if !admindir.join("status").is_file() {
        return None;
    }
    let mut cmd = Command::new("dpkg-query");
    cmd.arg(format!("--admindir={}", admindir.display()))
        .arg("-W")
        .arg("-f=${Package}\t${db:Status-Status}\n")
        .args(wanted);
    let ran = run(&mut cmd, None);
    let installed: BTreeSet<&str> = ran
        .output
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .filter(|(_, status)| *status == "installed")
        .map(|(p, _)| p)
        .collect();
    Some(
        wanted
            .iter()
            .filter(|p| !installed.contains(p.as_str()))
            .cloned()
            .collect(),
    )
}

/// Installs the missing packages (on the running machine); with `--root` or without
/// `install`, only says which are missing. Err when apt fails.
pub fn apply(
    layout: &Layout,
    wanted: &[String],
    install: bool,
    state: &mut State,
    report: &mut Report,
) -> Result<(), String> {
    let Some(missing) = missing(layout, wanted) else {
        report.warn(format!(
            "{} has no dpkg database: the packages the system needs were not checked ({})",
            layout.root.display(),
            wanted.join(" ")
        ));
        return Ok(());
    };
    if missing.is_empty() {
        return Ok(());
    }
    if layout.is_offline() || !install {
        report.warn(format!(
            "packages missing in {}: {} (not installed: install them with apt-get)",
            layout.root.display(),
            missing.join(" ")
        ));
        return Ok(());
    }
    eprintln!("installing packages: {}", missing.join(" "));
    let ran = run(
        Command::new("apt-get")
            .env("DEBIAN_FRONTEND", "noninteractive")
            .args(["install", "-y", "-q", "--no-install-recommends"])
            .args(&missing),
        None,
    );
    if !ran.ok {
        return Err(format!(
            "installing packages failed (apt-get install {}); nothing was changed:\n{}",
            missing.join(" "),
            ran.output
        ));
    }
    state.packages_installed.extend(missing);
    Ok(())
}
