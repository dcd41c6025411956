//! How to boot a [`Machine`](super::Machine): [`MachineOptions`] and its bind mounts.

use std::path::PathBuf;
use std::time::Duration;

use crate::netns::Netns;

/// A host path made visible inside a machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bind {
    /// The path on the host.
    pub host: PathBuf,
    /// Where it appears in the machine (created if missing).
    pub guest: PathBuf,
    /// Whether the machine may write to it.
    pub read_only: bool,
}

/// How to boot a [`Machine`]; build it with [`MachineOptions::new`] and the chained setters.
#[derive(Debug)]
pub struct MachineOptions {
    pub(super) name: String,
    pub(super) rootfs: Option<PathBuf>,
    pub(super) binds: Vec<Bind>,
    pub(super) netns: Option<Netns>,
    pub(super) boot_timeout: Duration,
    pub(super) command_timeout: Duration,
    pub(super) shutdown_timeout: Duration,
    pub(super) unified_cgroup_hierarchy: bool,
    pub(super) nspawn_args: Vec<String>,
    pub(super) files: Vec<(PathBuf, FileContent)>,
}

/// What [`MachineOptions::file`] and [`MachineOptions::symlink`] put on the disk.
#[derive(Debug, Clone)]
pub(super) enum FileContent {
    Data(Vec<u8>),
    Symlink(PathBuf),
}

impl MachineOptions {
    /// Options for a machine named `name` (1-20 lowercase letters, digits, `-`): also its
    /// hostname. Defaults: the cached root file system, no bind mounts, a fresh network
    /// namespace with only `lo`, 60 s to boot, 300 s per command, 30 s to shut down.
    pub fn new(name: &str) -> MachineOptions {
        MachineOptions {
            name: name.to_string(),
            rootfs: None,
            binds: Vec::new(),
            netns: None,
            boot_timeout: Duration::from_secs(60),
            command_timeout: Duration::from_secs(300),
            shutdown_timeout: Duration::from_secs(30),
            unified_cgroup_hierarchy: false,
            nspawn_args: Vec::new(),
            files: Vec::new(),
        }
    }

    /// Puts a file on the machine's disk before its first boot (mode 0644, parents
    /// created): units to start at boot, configuration, a first generation.
    pub fn file(mut self, guest_path: impl Into<PathBuf>, contents: impl Into<Vec<u8>>) -> Self {
        self.files
            .push((guest_path.into(), FileContent::Data(contents.into())));
        self
    }

    /// Puts a symbolic link on the machine's disk before its first boot (to enable a
    /// unit: `.symlink("/etc/systemd/system/multi-user.target.wants/x.service",
    /// "/etc/systemd/system/x.service")`).
    pub fn symlink(mut self, guest_path: impl Into<PathBuf>, target: impl Into<PathBuf>) -> Self {
        self.files
            .push((guest_path.into(), FileContent::Symlink(target.into())));
        self
    }

    /// Boots from this root file system instead of the cached one ([`rootfs::find_rootfs`]).
    /// It is only read: the machine writes to its own overlay.
    pub fn rootfs(mut self, path: impl Into<PathBuf>) -> Self {
        self.rootfs = Some(path.into());
        self
    }

    /// Bind-mounts host path `host` read-write at `guest`.
    pub fn bind(mut self, host: impl Into<PathBuf>, guest: impl Into<PathBuf>) -> Self {
        self.binds.push(Bind {
            host: host.into(),
            guest: guest.into(),
            read_only: false,
        });
        self
    }

    /// Bind-mounts host path `host` read-only at `guest` (a store, a binary).
    pub fn bind_ro(mut self, host: impl Into<PathBuf>, guest: impl Into<PathBuf>) -> Self {
        self.binds.push(Bind {
            host: host.into(),
            guest: guest.into(),
            read_only: true,
        });
        self
    }

    /// Boots in this network namespace (made beforehand, e.g. already linked to others
    /// with [`netns::veth`] so that services find their addresses at boot) instead of a
    /// fresh one. The machine owns it from now on.
    pub fn netns(mut self, netns: Netns) -> Self {
        self.netns = Some(netns);
        self
    }

    /// How long booting may take until `systemctl is-system-running` says `running` or
    /// `degraded`.
    pub fn boot_timeout(mut self, timeout: Duration) -> Self {
        self.boot_timeout = timeout;
        self
    }

    /// How long one guest command (`succeed`, `execute`...) may run before it is killed.
    pub fn command_timeout(mut self, timeout: Duration) -> Self {
        self.command_timeout = timeout;
        self
    }

    /// How long a clean poweroff may take before the machine is killed.
    pub fn shutdown_timeout(mut self, timeout: Duration) -> Self {
        self.shutdown_timeout = timeout;
        self
    }

    /// Gives the machine a pure cgroup v2 hierarchy (`SYSTEMD_NSPAWN_UNIFIED_HIERARCHY=1`),
    /// as on current distributions, instead of the host's layout. Resource limits are then
    /// accepted (not enforced on a hybrid host).
    pub fn unified_cgroup_hierarchy(mut self, unified: bool) -> Self {
        self.unified_cgroup_hierarchy = unified;
        self
    }

    /// Passes an extra argument to systemd-nspawn (`--setenv=...`, `--capability=...`).
    pub fn nspawn_arg(mut self, arg: impl Into<String>) -> Self {
        self.nspawn_args.push(arg.into());
        self
    }
}
