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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_packages_are_those_dpkg_does_not_have_installed() {
        let root =
            std::env::temp_dir().join(format!("sysnix-packages-test-{}", std::process::id()));
        let admin = root.join("var/lib/dpkg");
        std::fs::create_dir_all(admin.join("info")).unwrap();
        std::fs::write(
            admin.join("status"),
            "Package: here\nStatus: install ok installed\nVersion: 1\nArchitecture: all\n\n\
             Package: gone\nStatus: deinstall ok config-files\nVersion: 1\nArchitecture: all\n\n",
        )
        .unwrap();
        let layout = Layout::new(&root, std::path::Path::new("/sysnix/store"));
        let wanted: Vec<String> = ["here", "gone", "never"].map(String::from).to_vec();
        assert_eq!(
            missing(&layout, &wanted),
            Some(vec!["gone".to_string(), "never".to_string()])
        );
        let empty = Layout::new(&root.join("nothing"), std::path::Path::new("/sysnix/store"));
        assert_eq!(missing(&empty, &wanted), None);
        let _ = std::fs::remove_dir_all(&root);
    }
}
