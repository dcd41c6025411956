//! tmpfiles.d: `systemd-tmpfiles --create` with the new system's lines (the manifest's
//! `tmpfiles`: rules and home directories), on the running machine or with `--root`.

use super::{Ctx, run};
use std::process::Command;

/// Creates what the system's tmpfiles lines ask for.
pub fn apply(ctx: &mut Ctx) {
    let lines: Vec<String> = ctx
        .manifest_value("tmpfiles")
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|l| l.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if lines.is_empty() {
        return;
    }
    if !super::have_program("systemd-tmpfiles") {
        ctx.report
            .error("systemd-tmpfiles is not installed (package systemd)");
        return;
    }
    let mut cmd = Command::new("systemd-tmpfiles");
    if ctx.layout.is_offline() {
        cmd.arg(format!("--root={}", ctx.layout.root.display()));
    }
    cmd.args(["--create", "-"]);
    let ran = run(&mut cmd, Some(&(lines.join("\n") + "\n")));
    if !ran.ok {
        ctx.report
            .error(format!("systemd-tmpfiles --create failed:\n{}", ran.output));
    }
}
