//! The Debian 12 root file system machines boot from: built once with mmdebstrap, then
//! cached read-only outside the repository, keyed by a hash of its recipe.
//!
//! Where: `$SYSNIX_TEST_ROOTFS` if set, else `/var/cache/sysnix-testing/rootfs-<hash>`
//! where `<hash>` covers everything below (suite, variant, packages, the fixes' version),
//! so changing the recipe builds a new one beside the old. A build goes to a temporary
//! directory renamed into place when complete: a killed build never leaves a half root
//! file system, and concurrent builders wait on a lock instead of building twice.

use std::ffi::CString;
use std::fs;
use std::os::fd::AsRawFd;
use std::os::unix::fs::symlink;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use sha2::{Digest, Sha256};

use crate::cgroup::Cgroup;

use crate::error::{Error, Result};
use crate::process;
use crate::util;

/// The Debian suite.
pub const SUITE: &str = "bookworm";

/// mmdebstrap's variant: only essential packages and apt, plus [`PACKAGES`].
pub const VARIANT: &str = "minbase";

/// The packages installed on top of minbase.
pub const PACKAGES: &[&str] = &[
    // The init system under test, and the bus sysnix switches units over.
    "systemd",
    "systemd-sysv",
    "dbus",
    // Networking inside the machine (ss for wait_for_open_port, ping between machines).
    "iproute2",
    "iputils-ping",
    "nftables",
    "procps",
    // Services the examples and deploy tests run.
    "openssh-server",
    "nbd-server",
    "nginx",
    "python3",
    // So activation could install packages if it ever needs to.
    "apt",
];

/// Bumped whenever [`apply_fixes`] changes what it does.
const FIXES_VERSION: u32 = 1;

/// Where the cache lives unless `SYSNIX_TEST_ROOTFS` says otherwise.
pub const DEFAULT_CACHE_DIR: &str = "/var/cache/sysnix-testing";

/// The environment variable naming the root file system's path.
pub const ENV_ROOTFS: &str = "SYSNIX_TEST_ROOTFS";

/// The hostname written into the root file system (each machine gets its own in its
/// overlay).
const HOSTNAME: &str = "sysnix-test";

/// The recipe as text: what the cache key hashes, and what the root file system records
/// in `/etc/sysnix-testing-recipe`.
pub fn recipe() -> String {
    format!(
        "mmdebstrap --variant={VARIANT} --include={} {SUITE}\narch: {}\nfixes: {FIXES_VERSION}\n",
        PACKAGES.join(","),
        std::env::consts::ARCH,
    )
}

/// The first 16 hex digits of the recipe's SHA-256.
pub fn recipe_hash() -> String {
    let digest = Sha256::digest(recipe().as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Where the root file system is (or will be built): `$SYSNIX_TEST_ROOTFS`, else
/// `/var/cache/sysnix-testing/rootfs-<hash>`.
pub fn rootfs_path() -> PathBuf {
    match std::env::var_os(ENV_ROOTFS) {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => Path::new(DEFAULT_CACHE_DIR).join(format!("rootfs-{}", recipe_hash())),
    }
}

/// The cached root file system, if it has been built.
pub fn find_rootfs() -> Option<PathBuf> {
    let path = rootfs_path();
    path.join("usr/lib/systemd/systemd")
        .exists()
        .then_some(path)
}

/// The private half of the test ssh key built into the root file system (its public half
/// is root's `authorized_keys` there): `ssh -i <this> root@ADDRESS` reaches a machine's
/// sshd. Everyone who can read the cache can read it: a key for tests only.
pub fn ssh_key(rootfs: &Path) -> PathBuf {
    rootfs.join("root/.ssh/id_ed25519")
}

/// Returns the cached root file system, building it first if it is missing (about a
/// minute; progress goes to stderr).
pub fn ensure_rootfs() -> Result<PathBuf> {
    if let Some(path) = find_rootfs() {
        return Ok(path);
    }
    let path = rootfs_path();
    build_rootfs_at(&path)?;
    Ok(path)
}

/// Builds the root file system at `dest` unless it is already there: mmdebstrap into
/// `dest`'s directory under a temporary name, [`apply_fixes`], rename. Holds a lock
/// (`.<name>.lock` beside it) so concurrent callers build it once.
pub fn build_rootfs_at(dest: &Path) -> Result<()> {
    let parent = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .ok_or_else(|| Error::Setup(format!("{} has no parent directory", dest.display())))?;
    let name = dest
        .file_name()
        .ok_or_else(|| Error::Setup(format!("{} has no file name", dest.display())))?
        .to_string_lossy()
        .into_owned();
    fs::create_dir_all(parent)
        .map_err(|e| Error::io(format!("creating {}", parent.display()), e))?;
    let lock_path = parent.join(format!(".{name}.lock"));
    let lock = fs::File::create(&lock_path)
        .map_err(|e| Error::io(format!("creating {}", lock_path.display()), e))?;
    // SAFETY: flock on a file descriptor we own; released when `lock` is closed.
    if unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX) } != 0 {
        return Err(Error::io(
            format!("locking {}", lock_path.display()),
            std::io::Error::last_os_error(),
        ));
    }
    if dest.join("usr/lib/systemd/systemd").exists() {
        return Ok(()); // Someone else built it while we waited.
    }
    // Holding the lock, any temporary directory for this name is a dead build's; its
    // processes (in a cgroup named after the dead builder) are killed first.
    for removed in crate::cleanup_stale() {
        eprintln!("sysnix-test-rootfs: removed {removed} left by a dead process");
    }
    let tmp_prefix = format!(".tmp-{name}-");
    for entry in fs::read_dir(parent)
        .map_err(|e| Error::io(format!("listing {}", parent.display()), e))?
        .flatten()
    {
        if entry.file_name().to_string_lossy().starts_with(&tmp_prefix) {
            eprintln!(
                "sysnix-test-rootfs: removing an unfinished build {}",
                entry.path().display()
            );
            util::remove_tree_safely(&entry.path())?;
        }
    }
    if command_path("mmdebstrap").is_none() {
        return Err(Error::Setup(
            "mmdebstrap is not installed (apt-get install mmdebstrap): it builds the test root file system".into(),
        ));
    }
    let tmp = parent.join(format!("{tmp_prefix}{}", std::process::id()));
    let started = Instant::now();
    eprintln!(
        "sysnix-test-rootfs: building {} with mmdebstrap (about a minute)",
        dest.display()
    );
    let result = mmdebstrap(&tmp).and_then(|()| apply_fixes(&tmp));
    if let Err(e) = result {
        let _ = util::remove_tree_safely(&tmp);
        return Err(e);
    }
    if dest.exists() {
        // An incomplete or foreign directory at the destination: replace it.
        util::remove_tree_safely(dest)?;
    }
    fs::rename(&tmp, dest).map_err(|e| {
        Error::io(
            format!("renaming {} to {}", tmp.display(), dest.display()),
            e,
        )
    })?;
    eprintln!(
        "sysnix-test-rootfs: built {} in {:.1} s",
        dest.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn mmdebstrap(target: &Path) -> Result<()> {
    let include = format!("--include={}", PACKAGES.join(","));
    let variant = format!("--variant={VARIANT}");
    let mut command = Command::new("mmdebstrap");
    // No mirror argument: mmdebstrap uses the machine's own apt sources. Its progress
    // goes to our stderr, and it stays in our process group (Ctrl-C stops it too). It runs
    // in a cgroup of its own, named after this process: if we are killed, the next
    // builder kills what is left of this one ([`crate::cleanup_stale`]) before removing
    // its directory.
    let cgroup = Cgroup::create(&util::unique_id("rootfs-build"))?;
    let procs: Vec<CString> = cgroup
        .procs_files()
        .iter()
        .map(|p| CString::new(p.as_os_str().as_encoded_bytes()).expect("no NUL in /sys paths"))
        .collect();
    command
        .args([&variant, &include, SUITE])
        .arg(target)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .stdin(Stdio::null())
        .stdout(Stdio::inherit())
        .stderr(Stdio::inherit());
    // SAFETY: only open/write/close between fork and exec, on data prepared before.
    unsafe {
        command.pre_exec(move || join_cgroup(&procs));
    }
    let display = format!(
        "mmdebstrap {variant} {include} {SUITE} {}",
        target.display()
    );
    let status = command
        .status()
        .map_err(|e| Error::io(format!("starting {display}"), e));
    // Whatever it left running (it should leave nothing) goes with its cgroup.
    let cleaned = cgroup
        .kill_all(std::time::Duration::from_secs(10))
        .and_then(|()| cgroup.remove());
    let status = status?;
    cleaned?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::Setup(format!(
            "`{display}` failed with status {} (its output is above)",
            process::shell_status(status)
        )))
    }
}

/// Moves the calling process into the cgroups whose `cgroup.procs` files are given (in
/// a child between fork and exec: async-signal-safe calls only).
pub(crate) fn join_cgroup(procs: &[CString]) -> std::io::Result<()> {
    for procs in procs {
        // SAFETY: open/write/close on a valid C string; writing 0 moves the writer.
        unsafe {
            let fd = libc::open(procs.as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
            if fd < 0 {
                return Err(std::io::Error::last_os_error());
            }
            let written = libc::write(fd, b"0".as_ptr().cast(), 1);
            libc::close(fd);
            if written < 0 {
                return Err(std::io::Error::last_os_error());
            }
        }
    }
    Ok(())
}

/// Makes a freshly bootstrapped tree a good container image:
/// - masks `systemd-networkd-wait-online.service` (the harness sets up networking from
///   outside, nothing inside would ever be "online");
/// - removes `/etc/machine-id`, so each boot gets its own;
/// - sets a neutral `/etc/hostname` (each machine's own is written into its overlay);
/// - disables what would only slow boots down or make a clean system "degraded":
///   the packaged nginx and nbd-server (tests start their own), nftables.service, the
///   apt/dpkg/e2scrub/fstrim timers, pstore;
/// - shortens the default stop timeout to 10 s, so a stuck service cannot hold a
///   shutdown for 90 s;
/// - puts a fresh ed25519 test key in `/root/.ssh/` and authorises it (see [`ssh_key`]);
/// - records the recipe in `/etc/sysnix-testing-recipe`.
pub fn apply_fixes(root: &Path) -> Result<()> {
    let io = |what: &str, e| Error::io(format!("{what} in {}", root.display()), e);
    let system = root.join("etc/systemd/system");
    for unit in [
        "systemd-networkd-wait-online.service",
        "systemd-pstore.service",
    ] {
        let link = system.join(unit);
        let _ = fs::remove_file(&link);
        symlink("/dev/null", &link).map_err(|e| io("masking a unit", e))?;
    }
    for wants in [
        "multi-user.target.wants/nginx.service",
        "multi-user.target.wants/e2scrub_reap.service",
        "sysinit.target.wants/nftables.service",
        "sysinit.target.wants/systemd-pstore.service",
        "timers.target.wants/apt-daily-upgrade.timer",
        "timers.target.wants/apt-daily.timer",
        "timers.target.wants/dpkg-db-backup.timer",
        "timers.target.wants/e2scrub_all.timer",
        "timers.target.wants/fstrim.timer",
    ] {
        let _ = fs::remove_file(system.join(wants));
    }
    // SysV services (nbd-server, nginx) start through their rc?.d links.
    for level in ["2", "3", "4", "5"] {
        let dir = root.join(format!("etc/rc{level}.d"));
        if let Ok(entries) = fs::read_dir(&dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('S')
                    && (name.ends_with("nginx") || name.ends_with("nbd-server"))
                {
                    let _ = fs::remove_file(entry.path());
                }
            }
        }
    }
    let _ = fs::remove_file(root.join("etc/machine-id"));
    fs::write(root.join("etc/hostname"), format!("{HOSTNAME}\n"))
        .map_err(|e| io("writing /etc/hostname", e))?;
    let conf_d = root.join("etc/systemd/system.conf.d");
    fs::create_dir_all(&conf_d).map_err(|e| io("creating system.conf.d", e))?;
    fs::write(
        conf_d.join("sysnix-testing.conf"),
        "# sysnix-testing: a stuck service must not hold a test's shutdown for 90 s.\n\
         [Manager]\nDefaultTimeoutStopSec=10s\n",
    )
    .map_err(|e| io("writing system.conf.d", e))?;

    let ssh = root.join("root/.ssh");
    fs::create_dir_all(&ssh).map_err(|e| io("creating /root/.ssh", e))?;
    let _ = fs::remove_file(ssh.join("id_ed25519"));
    let _ = fs::remove_file(ssh.join("id_ed25519.pub"));
    let root_str = root.to_string_lossy();
    process::host(
        "chroot",
        &[
            &root_str,
            "ssh-keygen",
            "-q",
            "-t",
            "ed25519",
            "-N",
            "",
            "-C",
            "sysnix-testing",
            "-f",
            "/root/.ssh/id_ed25519",
        ],
    )?;
    fs::copy(ssh.join("id_ed25519.pub"), ssh.join("authorized_keys"))
        .map_err(|e| io("writing authorized_keys", e))?;
    fs::write(root.join("etc/sysnix-testing-recipe"), recipe())
        .map_err(|e| io("writing the recipe", e))?;
    Ok(())
}

/// The full path of `program` on `PATH`, if it is there.
pub(crate) fn command_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin"].map(PathBuf::from))
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_follows_the_recipe() {
        assert_eq!(recipe_hash().len(), 16);
        assert!(recipe().contains("openssh-server"));
        assert!(recipe().contains(&format!("fixes: {FIXES_VERSION}")));
    }
}
