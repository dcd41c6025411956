//! Kernel parameters: `sysctl --load` of the system's sysctl.d file, now (at boot
//! systemd-sysctl reads the same file from /etc/sysctl.d). A parameter the kernel refuses
//! is a warning: the rest of the switch goes on.

use super::{Ctx, run};
use std::process::Command;

/// The file the system writes its parameters to.
pub const FILE: &str = "sysctl.d/60-sysnix.conf";

/// Applies the parameters (not with `--root`: they belong to the running kernel).
pub fn apply(ctx: &mut Ctx) {
    let empty = ctx
        .manifest_value("sysctl")
        .and_then(|v| v.as_object())
        .is_none_or(|o| o.is_empty());
    if empty || ctx.layout.is_offline() {
        return;
    }
    let file = ctx.toplevel_host.join("etc").join(FILE);
    // procps's --load takes its file only attached: `--load=FILE`.
    let ran = run(
        Command::new("sysctl").arg(format!("--load={}", file.display())),
        None,
    );
    if !ran.ok {
        ctx.report.warn(format!(
            "sysctl --load {} failed:\n{}",
            file.display(),
            ran.output
        ));
    }
}
