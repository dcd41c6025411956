//! The container test harness: real systemd (PID 1) booted in systemd-nspawn from a
//! cached Debian 12 root file system, driven from Rust tests the way NixOS tests drive
//! their nodes.
//!
//! ```no_run
//! use std::time::Duration;
//! use sysnix_testing::{Machine, MachineOptions};
//!
//! # fn main() -> sysnix_testing::Result<()> {
//! let Some(_rootfs) = sysnix_testing::rootfs_or_skip() else { return Ok(()) };
//! let server = Machine::boot(
//!     MachineOptions::new("server").bind_ro("/sysnix/store", "/sysnix/store"),
//! )?;
//! server.succeed("systemd-run --unit=web -p DynamicUser=yes python3 -m http.server 8000")?;
//! server.wait_for_unit("web.service", Duration::from_secs(10))?;
//! server.wait_for_open_port(8000, Duration::from_secs(10))?;
//! server.host_in_netns("curl -sf http://127.0.0.1:8000/ >/dev/null")?;
//! server.shutdown()?;
//! # Ok(()) }
//! ```
//!
//! - [`rootfs`]: the root file system, built once by mmdebstrap and cached under
//!   `/var/cache/sysnix-testing/rootfs-<recipe hash>` (or `$SYSNIX_TEST_ROOTFS`); the
//!   `sysnix-test-rootfs` binary builds it.
//! - [`Machine`]: one container, with its own overlay, cgroup and network namespace.
//! - [`Netns`], [`veth`]: network namespaces and links between them (machines, or a
//!   host-side namespace a test uses as a client).
//!
//! Everything a machine creates on the host is named `sysnix-test-<name>-<pid>-<n>` and
//! removed when it shuts down or is dropped; what a killed test process left behind is
//! removed by the next one ([`cleanup_stale`]).

mod cgroup;
mod error;
mod machine;
mod netns;
mod process;
pub mod rootfs;
mod util;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Once;

pub use error::{Error, Result};
pub use machine::{Bind, DEFAULT_STATE_DIR, ENV_STATE_DIR, Machine, MachineOptions, shell_quote};
pub use netns::{Link, Netns, veth};
pub use process::CommandOutput;
pub use rootfs::{ensure_rootfs, find_rootfs, rootfs_path};

/// Whether this is CI (`CI=true`), where a missing prerequisite fails instead of skipping.
pub fn is_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Checks what booting machines needs (root, systemd-nspawn, nsenter, ip, overlayfs,
/// writable cgroups, the built root file system) and returns the root file system's
/// path, or what is missing.
pub fn prerequisites() -> std::result::Result<PathBuf, String> {
    let mut missing = Vec::new();
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        missing.push("root (machines need namespaces, cgroups and mounts)".to_string());
    }
    for (program, package) in [
        ("systemd-nspawn", "systemd-container"),
        ("nsenter", "util-linux"),
        ("ip", "iproute2"),
        ("tar", "tar"),
    ] {
        if rootfs::command_path(program).is_none() {
            missing.push(format!("{program} (apt-get install {package})"));
        }
    }
    let overlay = fs::read_to_string("/proc/filesystems").is_ok_and(|t| {
        t.lines()
            .any(|l| l.split_whitespace().last() == Some("overlay"))
    });
    if !overlay {
        missing.push("overlayfs in the kernel".to_string());
    }
    if cgroup::hierarchies().is_empty() {
        missing.push("a cgroup hierarchy under /sys/fs/cgroup".to_string());
    }
    let rootfs = find_rootfs();
    if rootfs.is_none() {
        let how = if rootfs::command_path("mmdebstrap").is_some() {
            "build it with `cargo run -p sysnix-testing --bin sysnix-test-rootfs`"
        } else {
            "mmdebstrap is missing too (apt-get install mmdebstrap), then build it with `cargo run -p sysnix-testing --bin sysnix-test-rootfs`"
        };
        missing.push(format!(
            "the test root file system at {} ({how})",
            rootfs_path().display()
        ));
    }
    match (missing.is_empty(), rootfs) {
        (true, Some(rootfs)) => Ok(rootfs),
        _ => Err(format!("missing: {}", missing.join("; "))),
    }
}

/// For tests: the root file system if machines can be booted. Otherwise, in CI
/// ([`is_ci`]) this panics with what is missing; elsewhere it prints why the test is
/// skipped and returns `None`.
pub fn rootfs_or_skip() -> Option<PathBuf> {
    match prerequisites() {
        Ok(rootfs) => Some(rootfs),
        Err(reason) if is_ci() => {
            panic!("sysnix-testing: {reason} (CI=true: a missing prerequisite is a failure)")
        }
        Err(reason) => {
            eprintln!("sysnix-testing: skipped: {reason}");
            None
        }
    }
}

static STALE_ONCE: Once = Once::new();

pub(crate) fn cleanup_stale_once() {
    STALE_ONCE.call_once(|| {
        for removed in cleanup_stale() {
            eprintln!("sysnix-testing: removed {removed} left by a dead test process");
        }
    });
}

/// Removes the host resources (cgroups and their processes, network namespaces, state
/// directories) of machines whose test process is gone, e.g. killed before it could
/// clean up. Returns what it removed. Resources of live processes are never touched.
/// [`Machine::boot`] calls it once per process.
pub fn cleanup_stale() -> Vec<String> {
    let mut removed = Vec::new();
    let stale = |name: &str| util::owner_pid(name).is_some_and(|pid| !util::alive(pid));
    let entries = |dir: &Path| -> Vec<String> {
        fs::read_dir(dir)
            .map(|it| {
                it.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.starts_with(util::PREFIX))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut cgroup_names: Vec<String> = cgroup::hierarchies()
        .iter()
        .flat_map(|h| entries(h))
        .filter(|n| stale(n))
        .collect();
    cgroup_names.sort();
    cgroup_names.dedup();
    for name in cgroup_names {
        let cgroup = cgroup::Cgroup::existing(&name);
        if cgroup.kill_all(std::time::Duration::from_secs(10)).is_ok() && cgroup.remove().is_ok() {
            removed.push(format!("cgroup {name}"));
        }
    }
    for name in entries(Path::new("/run/netns")) {
        if stale(&name) && process::host("ip", &["netns", "del", &name]).is_ok() {
            removed.push(format!("network namespace {name}"));
        }
    }
    let base = std::env::var_os(ENV_STATE_DIR)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_STATE_DIR));
    for name in entries(&base) {
        if stale(&name) && util::remove_tree_safely(&base.join(&name)).is_ok() {
            removed.push(format!("state directory {}", base.join(&name).display()));
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    #[test]
    fn machines_can_be_shared_between_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<crate::Machine>();
        send_sync::<crate::Netns>();
        send_sync::<crate::Error>();
    }
}
