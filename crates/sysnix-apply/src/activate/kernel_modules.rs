//! Kernel modules: `modprobe` each of `boot.kernelModules` now (at boot
//! systemd-modules-load reads /etc/modules-load.d). A kernel that cannot load a module
//! (built without loadable modules, or in a container) is a warning.

use super::{Ctx, run};
use std::process::Command;

/// Loads the modules (not with `--root`).
pub fn apply(ctx: &mut Ctx) {
    let modules: Vec<String> = ctx
        .manifest_value("kernelModules")
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|m| m.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if modules.is_empty() || ctx.layout.is_offline() {
        return;
    }
    for m in modules {
        let ran = run(Command::new("modprobe").arg(&m), None);
        if !ran.ok {
            ctx.report.warn(format!(
                "cannot load kernel module {m} now (it is loaded at boot from /etc/modules-load.d): {}",
                ran.output
            ));
        }
    }
}
