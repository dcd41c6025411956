//! The firewall: `nft -f` of the system's ruleset, which replaces the table
//! `inet sysnix-fw` in one transaction (the file deletes and recreates it). The unit
//! `sysnix-firewall.service` loads the same file at boot and on reload; when nft cannot
//! load it now (no nftables in this kernel or container) that is a warning here, and the
//! unit's failure is reported with the units.

use super::{Ctx, run};
use std::process::Command;

/// Loads the ruleset (not with `--root`).
pub fn apply(ctx: &mut Ctx) {
    let Some(file) = ctx
        .manifest_value("firewall")
        .and_then(|v| v.as_str())
        .map(str::to_string)
    else {
        return;
    };
    if ctx.layout.is_offline() {
        return;
    }
    if !super::have_program("nft") {
        ctx.report
            .warn("nft is not installed (package nftables); the firewall was not loaded");
        return;
    }
    let ran = run(Command::new("nft").arg("-f").arg(&file), None);
    if !ran.ok {
        ctx.report.warn(format!(
            "loading the firewall (nft -f {file}) failed:\n{}",
            ran.output
        ));
    }
}
