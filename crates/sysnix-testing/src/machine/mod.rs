//! A machine: real systemd as PID 1 in systemd-nspawn, over an overlay of the cached root
//! file system, in its own cgroup and network namespace.

use std::ffi::CString;
use std::fs::{self, File};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crate::cgroup::Cgroup;
use crate::error::{Error, Result};
use crate::netns::{self, Link, Netns};
use crate::process;
use crate::rootfs;
use crate::util;

mod commands;
mod options;

use options::FileContent;
pub use options::{Bind, MachineOptions};

/// Where machines' state directories (overlay upper and work dirs, console log) go unless
/// `SYSNIX_TEST_STATE_DIR` says otherwise.
pub const DEFAULT_STATE_DIR: &str = "/var/tmp/sysnix-testing";

/// The environment variable choosing the state directory.
pub const ENV_STATE_DIR: &str = "SYSNIX_TEST_STATE_DIR";

/// A booted machine: systemd as PID 1 in systemd-nspawn, driven from the test like a
/// NixOS test node (`succeed`, `wait_for_unit`, `wait_for_open_port`).
///
/// What it owns on the host, all removed by [`Machine::shutdown`] or on drop:
/// - a state directory `$SYSNIX_TEST_STATE_DIR/<id>` (default under
///   `/var/tmp/sysnix-testing`) with the overlay's upper and work directories: the
///   machine's "disk", kept across [`Machine::reboot`] and [`Machine::crash`];
/// - the overlay mount itself, made in a private mount namespace of the nspawn process,
///   so it never appears on the host and vanishes with nspawn whatever happens;
/// - one cgroup per hierarchy, `sysnix-test-<name>-<pid>-<n>`;
/// - its network namespace ([`Machine::netns`]).
///
/// Guest commands run through `nsenter` into all namespaces of the container's PID 1,
/// as root, with a clean environment; they see PIDs as the guest does.
#[derive(Debug)]
pub struct Machine {
    name: String,
    id: String,
    rootfs: PathBuf,
    state: PathBuf,
    binds: Vec<Bind>,
    unified_cgroup_hierarchy: bool,
    nspawn_args: Vec<String>,
    boot_timeout: Duration,
    command_timeout: Duration,
    shutdown_timeout: Duration,
    cgroup: Option<Cgroup>,
    netns: Option<Netns>,
    nspawn: Mutex<Option<Child>>,
    /// The host PID of the container's PID 1, 0 when unknown.
    leader: AtomicU32,
    torn_down: bool,
}

impl Machine {
    /// Boots a machine and waits until its systemd reports `running` or `degraded`.
    ///
    /// On failure everything made so far is removed, and the error shows the last
    /// journal lines and console output.
    pub fn boot(options: MachineOptions) -> Result<Machine> {
        util::check_name(&options.name)?;
        crate::cleanup_stale_once();
        let rootfs = match options.rootfs {
            Some(path) => path,
            None => rootfs::find_rootfs().ok_or_else(|| {
                Error::Setup(format!(
                    "the test root file system is not built at {}: run `cargo run -p sysnix-testing --bin sysnix-test-rootfs`",
                    rootfs::rootfs_path().display()
                ))
            })?,
        };
        for path in [&rootfs]
            .into_iter()
            .chain(options.binds.iter().map(|b| &b.host))
        {
            let text = path.to_string_lossy();
            if text.contains([',', ':']) || !path.is_absolute() {
                return Err(Error::Setup(format!(
                    "{text}: paths given to the harness must be absolute, without ',' or ':'"
                )));
            }
            if !path.exists() {
                return Err(Error::Setup(format!("{text} does not exist")));
            }
        }
        let id = util::unique_id(&options.name);
        let netns = match options.netns {
            Some(netns) => netns,
            None => Netns::new(&options.name)?,
        };
        let base = std::env::var_os(ENV_STATE_DIR)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(DEFAULT_STATE_DIR));
        let state = base.join(&id);
        let mut machine = Machine {
            name: options.name,
            id,
            rootfs,
            state,
            binds: options.binds,
            unified_cgroup_hierarchy: options.unified_cgroup_hierarchy,
            nspawn_args: options.nspawn_args,
            boot_timeout: options.boot_timeout,
            command_timeout: options.command_timeout,
            shutdown_timeout: options.shutdown_timeout,
            cgroup: None,
            netns: Some(netns),
            nspawn: Mutex::new(None),
            leader: AtomicU32::new(0),
            torn_down: false,
        };
        // From here on, dropping `machine` on an error cleans up what exists.
        for dir in ["upper/etc", "work", "merged"] {
            let dir = machine.state.join(dir);
            fs::create_dir_all(&dir)
                .map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
        }
        // The machine's own hostname, in its overlay.
        fs::write(
            machine.state.join("upper/etc/hostname"),
            format!("{}\n", machine.name),
        )
        .map_err(|e| Error::io("writing the machine's /etc/hostname", e))?;
        // Its own machine id: with none, systemd would take every boot for a first boot
        // and apply the distribution's presets (enabling nginx, networkd...).
        fs::write(
            machine.state.join("upper/etc/machine-id"),
            format!("{}\n", random_machine_id()?),
        )
        .map_err(|e| Error::io("writing the machine's /etc/machine-id", e))?;
        // Files for the first boot go straight into the overlay's upper layer (it is not
        // mounted yet).
        for (guest, contents) in &options.files {
            let relative = guest.strip_prefix("/").unwrap_or(guest);
            if !guest.is_absolute()
                || relative
                    .components()
                    .any(|c| !matches!(c, std::path::Component::Normal(_)))
            {
                return Err(Error::Setup(format!(
                    "{}: file paths must be absolute and plain",
                    guest.display()
                )));
            }
            let path = machine.state.join("upper").join(relative);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)
                    .map_err(|e| Error::io(format!("creating {}", parent.display()), e))?;
            }
            match contents {
                FileContent::Data(bytes) => fs::write(&path, bytes),
                FileContent::Symlink(target) => std::os::unix::fs::symlink(target, &path),
            }
            .map_err(|e| Error::io(format!("writing {}", path.display()), e))?;
        }
        machine.cgroup = Some(Cgroup::create(&machine.id)?);
        machine.start()?;
        Ok(machine)
    }

    /// Boots several machines at once (each in its own thread) and returns them in order;
    /// if one fails, the others are shut down and the first error is returned.
    pub fn boot_all(options: Vec<MachineOptions>) -> Result<Vec<Machine>> {
        let results: Vec<Result<Machine>> = thread::scope(|scope| {
            let handles: Vec<_> = options
                .into_iter()
                .map(|o| scope.spawn(move || Machine::boot(o)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(Error::Setup("booting a machine panicked".into())))
                })
                .collect()
        });
        results.into_iter().collect()
    }

    /// The machine's name (and hostname).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The unique id naming its host resources: `sysnix-test-<name>-<pid>-<n>`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The root file system it boots from (read-only, shared).
    pub fn rootfs(&self) -> &Path {
        &self.rootfs
    }

    /// The state directory: `upper/` (everything the machine wrote), `console.log`.
    pub fn state_dir(&self) -> &Path {
        &self.state
    }

    /// The machine's network namespace.
    pub fn netns(&self) -> &Netns {
        self.netns
            .as_ref()
            .expect("a machine has its netns until torn down")
    }

    /// The name of the machine's network namespace (`ip netns exec NAME ...`).
    pub fn netns_name(&self) -> &str {
        self.netns().name()
    }

    /// Runs `sh -c cmd` on the HOST inside the machine's network namespace (a host-side
    /// client reaching the machine's services at 127.0.0.1 or its addresses) and returns
    /// stdout; fails unless it exits 0.
    pub fn host_in_netns(&self, cmd: &str) -> Result<String> {
        self.netns().succeed(cmd)
    }

    /// Connects this machine to `other` with a veth pair, `address` here and
    /// `other_address` there (CIDR: `"10.231.0.1/24"`). Works on running machines:
    /// interfaces appear in the guests at once.
    pub fn connect(&self, address: &str, other: &Machine, other_address: &str) -> Result<Link> {
        netns::veth(self.netns(), address, other.netns(), other_address)
    }

    /// Everything the container's console printed (systemd's boot and shutdown messages).
    pub fn console_log(&self) -> String {
        fs::read_to_string(self.state.join("console.log")).unwrap_or_default()
    }

    /// The host PID of systemd-nspawn, while it runs. When the guest rebooted itself,
    /// nspawn has exited with status 133 and leaves booting again to whoever started it
    /// (`systemd-nspawn@.service` has `RestartForceExitStatus=133`): this does it.
    fn nspawn_pid(&self) -> Result<u32> {
        let mut guard = self.nspawn.lock().expect("nspawn lock");
        let Some(child) = guard.as_mut() else {
            return Err(Error::Setup(format!(
                "{}: the machine is not running",
                self.name
            )));
        };
        match child.try_wait() {
            Ok(None) => Ok(child.id()),
            Ok(Some(status)) if status.code() == Some(133) => {
                *guard = None;
                let child = self.spawn_nspawn()?;
                let pid = child.id();
                *guard = Some(child);
                self.leader.store(0, Ordering::Relaxed);
                Ok(pid)
            }
            Ok(Some(status)) => {
                *guard = None;
                Err(Error::Setup(format!(
                    "{}: systemd-nspawn exited with status {}\nconsole:\n{}",
                    self.name,
                    process::shell_status(status),
                    process::tail(&self.console_log(), 30)
                )))
            }
            Err(e) => Err(Error::io(
                format!("{}: waiting for systemd-nspawn", self.name),
                e,
            )),
        }
    }

    /// The host PID of the container's PID 1 (systemd).
    pub fn leader_pid(&self) -> Result<u32> {
        let nspawn_pid = self.nspawn_pid()?;
        let cached = self.leader.load(Ordering::Relaxed);
        if cached != 0 && is_container_init(cached, nspawn_pid) {
            return Ok(cached);
        }
        match find_container_init(nspawn_pid) {
            Some(pid) => {
                self.leader.store(pid, Ordering::Relaxed);
                Ok(pid)
            }
            None => Err(Error::Setup(format!(
                "{}: the container's init has not started yet",
                self.name
            ))),
        }
    }

    /// Whether the machine's systemd-nspawn is running.
    pub fn is_up(&self) -> bool {
        self.nspawn_pid().is_ok()
    }

    /// Starts systemd-nspawn over the machine's disk and waits until it has booted.
    /// [`Machine::boot`] calls it; call it again after [`Machine::crash`].
    pub fn start(&mut self) -> Result<()> {
        if self.is_up() {
            return Err(Error::Setup(format!("{}: already running", self.name)));
        }
        let child = self.spawn_nspawn()?;
        *self.nspawn.lock().expect("nspawn lock") = Some(child);
        self.leader.store(0, Ordering::Relaxed);
        self.wait_booted()
    }

    /// Reboots the machine: a clean `systemctl poweroff`, then a new boot over the same
    /// disk (what it wrote is kept), waiting until it runs again.
    pub fn reboot(&mut self) -> Result<()> {
        self.stop(true)?;
        self.start()
    }

    /// Kills the machine at once (every process, SIGKILL), like pulling the plug; its disk
    /// is kept, so [`Machine::start`] boots it again.
    pub fn crash(&mut self) -> Result<()> {
        self.stop(false)
    }

    /// Powers the machine off cleanly and removes everything it had on the host (its
    /// cgroups, overlay directories, network namespace). Dropping a machine does the same,
    /// reporting problems on stderr instead.
    pub fn shutdown(mut self) -> Result<()> {
        self.teardown()
    }

    fn spawn_nspawn(&self) -> Result<Child> {
        let nspawn = rootfs::command_path("systemd-nspawn").ok_or_else(|| {
            Error::Setup(
                "systemd-nspawn is not installed (apt-get install systemd-container)".into(),
            )
        })?;
        let cgroup = self.cgroup.as_ref().expect("cgroup made before start");
        let merged = self.state.join("merged");
        let overlay_options = format!(
            "lowerdir={},upperdir={},workdir={}",
            self.rootfs.display(),
            self.state.join("upper").display(),
            self.state.join("work").display()
        );
        let c = |s: &[u8]| {
            CString::new(s).map_err(|_| Error::Setup("a path contains a NUL byte".into()))
        };
        let procs: Vec<CString> = cgroup
            .procs_files()
            .iter()
            .map(|p| c(p.as_os_str().as_encoded_bytes()))
            .collect::<Result<_>>()?;
        let merged_c = c(merged.as_os_str().as_encoded_bytes())?;
        let options_c = c(overlay_options.as_bytes())?;

        let console = File::create(self.state.join("console.log"))
            .map_err(|e| Error::io("creating console.log", e))?;
        let console2 = console
            .try_clone()
            .map_err(|e| Error::io("duplicating a file descriptor", e))?;
        let mut command = Command::new(nspawn);
        command.arg("--directory").arg(&merged).args([
            "--boot",
            &format!("--machine={}", self.id),
            "--register=no",
            "--keep-unit",
            &format!(
                "--network-namespace-path=/run/netns/{}",
                self.netns().name()
            ),
            "--link-journal=no",
            "--console=read-only",
            "--resolv-conf=off",
            "--timezone=off",
            // The namespace is the machine's own: let it configure it (nftables).
            "--capability=CAP_NET_ADMIN",
        ]);
        for bind in &self.binds {
            let flag = if bind.read_only {
                "--bind-ro"
            } else {
                "--bind"
            };
            command.arg(format!(
                "{flag}={}:{}",
                bind.host.display(),
                bind.guest.display()
            ));
        }
        command
            .args(&self.nspawn_args)
            .env(
                "SYSTEMD_NSPAWN_UNIFIED_HIERARCHY",
                if self.unified_cgroup_hierarchy {
                    "1"
                } else {
                    "0"
                },
            )
            .stdin(Stdio::null())
            .stdout(console)
            .stderr(console2);
        // SAFETY: between fork and exec only async-signal-safe calls (setsid, open,
        // write, close, unshare, mount) on data prepared before the fork.
        unsafe {
            command.pre_exec(move || {
                if libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // Join the machine's cgroups.
                rootfs::join_cgroup(&procs)?;
                // The overlay lives in a private mount namespace: it never shows on the
                // host and goes away with nspawn, however nspawn ends.
                if libc::unshare(libc::CLONE_NEWNS) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if libc::mount(
                    std::ptr::null(),
                    c"/".as_ptr(),
                    std::ptr::null(),
                    libc::MS_REC | libc::MS_PRIVATE,
                    std::ptr::null(),
                ) < 0
                {
                    return Err(std::io::Error::last_os_error());
                }
                if libc::mount(
                    c"overlay".as_ptr(),
                    merged_c.as_ptr(),
                    c"overlay".as_ptr(),
                    0,
                    options_c.as_ptr().cast(),
                ) < 0
                {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        command
            .spawn()
            .map_err(|e| Error::io(format!("{}: starting systemd-nspawn", self.name), e))
    }

    fn wait_booted(&self) -> Result<()> {
        let deadline = Instant::now() + self.boot_timeout;
        let mut last = String::from("(systemd not reachable yet)");
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match self.leader_pid() {
                Ok(_) => match self.execute_timeout("systemctl is-system-running --wait", left) {
                    Ok(output) => {
                        let state = output.stdout.trim().to_string();
                        match state.as_str() {
                            "running" | "degraded" => return Ok(()),
                            "maintenance" | "stopping" => {
                                return Err(Error::Setup(format!(
                                    "{}: booting ended in state {state}\n{}",
                                    self.name,
                                    self.diagnostics()
                                )));
                            }
                            _ => last = format!("{state} {}", output.stderr.trim()),
                        }
                    }
                    Err(Error::Timeout { .. }) => {
                        last = "boot not finished (jobs still running)".into();
                        break;
                    }
                    Err(e) => return Err(e),
                },
                // nspawn exited: nothing more to wait for.
                Err(e) if !self.is_up() => return Err(e),
                Err(_) => {}
            }
            thread::sleep(Duration::from_millis(20));
        }
        Err(Error::Timeout {
            machine: self.name.clone(),
            what: format!(
                "boot (systemctl is-system-running: running or degraded) ({:?})",
                self.boot_timeout
            ),
            details: format!("last state: {last}\n{}", self.diagnostics()),
        })
    }

    /// Pending jobs, the journal's tail and the console's tail, for error messages.
    fn diagnostics(&self) -> String {
        let mut text = String::new();
        if let Ok(output) = self.execute_timeout(
            "systemctl list-jobs --no-pager --full",
            Duration::from_secs(5),
        ) {
            text += &format!("--- jobs:\n{}\n", output.stdout.trim_end());
        }
        if let Ok(output) = self.execute_timeout(
            "journalctl --no-pager --quiet -n 30",
            Duration::from_secs(5),
        ) {
            text += &format!(
                "--- journal (last 30 lines):\n{}\n",
                output.stdout.trim_end()
            );
        }
        text += &format!(
            "--- console (last 15 lines):\n{}",
            process::tail(&self.console_log(), 15)
        );
        text
    }

    /// Stops the container: a clean poweroff first if `clean`, then whatever is left in
    /// its cgroup is killed, nspawn reaped. The disk, cgroup and netns stay.
    fn stop(&mut self, clean: bool) -> Result<()> {
        let mut problems = Vec::new();
        if clean && self.is_up() {
            // The command may die with the machine: its status means nothing.
            let _ = self.execute_timeout("systemctl poweroff --no-block", Duration::from_secs(10));
            let deadline = Instant::now() + self.shutdown_timeout;
            while self.is_up() && Instant::now() < deadline {
                thread::sleep(Duration::from_millis(10));
            }
            if self.is_up() {
                problems.push(format!(
                    "did not power off within {:?}; killed it\n--- console:\n{}",
                    self.shutdown_timeout,
                    process::tail(&self.console_log(), 15)
                ));
            }
        }
        if self.is_up() {
            // Kill the container's PID 1 first: the kernel kills its whole PID namespace
            // and nspawn, still alive, reaps it and exits. (Killing everything at once
            // would orphan PID 1 to the host's init, which may never reap it.)
            if let Ok(leader) = self.leader_pid() {
                // SAFETY: kill(2) of the container's init, found under our nspawn.
                unsafe { libc::kill(leader as libc::pid_t, libc::SIGKILL) };
            }
            let deadline = Instant::now() + Duration::from_secs(5);
            while self.is_up() && Instant::now() < deadline {
                thread::sleep(Duration::from_millis(5));
            }
        }
        if let Some(cgroup) = &self.cgroup
            && let Err(e) = cgroup.kill_all(Duration::from_secs(10))
        {
            problems.push(e.to_string());
        }
        if let Some(mut child) = self.nspawn.lock().expect("nspawn lock").take() {
            // nspawn is in the cgroup, so it is dead by now; kill() only guards against
            // waiting forever if it somehow was not.
            let _ = child.kill();
            let _ = child.wait();
        }
        if let Some(cgroup) = &self.cgroup
            && let Err(e) = cgroup.remove_children()
        {
            problems.push(e.to_string());
        }
        self.leader.store(0, Ordering::Relaxed);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Setup(format!(
                "{}: {}",
                self.name,
                problems.join("; ")
            )))
        }
    }

    fn teardown(&mut self) -> Result<()> {
        if self.torn_down {
            return Ok(());
        }
        self.torn_down = true;
        let mut problems = Vec::new();
        if let Err(e) = self.stop(true) {
            problems.push(e.to_string());
        }
        if let Some(cgroup) = self.cgroup.take()
            && let Err(e) = cgroup.remove()
        {
            problems.push(e.to_string());
        }
        if let Err(e) = util::remove_tree_safely(&self.state) {
            problems.push(e.to_string());
        }
        if let Some(netns) = self.netns.take()
            && let Err(e) = netns.delete()
        {
            problems.push(e.to_string());
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Setup(format!(
                "{}: cleaning up: {}",
                self.name,
                problems.join("; ")
            )))
        }
    }
}

impl Drop for Machine {
    fn drop(&mut self) {
        if let Err(e) = self.teardown() {
            eprintln!("sysnix-testing: {e}");
        }
    }
}

/// 128 random bits in hex, as /etc/machine-id holds them.
fn random_machine_id() -> Result<String> {
    let mut bytes = [0u8; 16];
    // SAFETY: getrandom(2) into a buffer of the given length.
    let n = unsafe { libc::getrandom(bytes.as_mut_ptr().cast(), bytes.len(), 0) };
    if n != bytes.len() as isize {
        return Err(Error::io(
            "getting random bytes",
            std::io::Error::last_os_error(),
        ));
    }
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Quotes `s` for sh.
pub fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"@%+=:,./_-".contains(&b))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// Whether `pid` is the init of a child PID namespace whose parent is `nspawn_pid`.
fn is_container_init(pid: u32, nspawn_pid: u32) -> bool {
    let Ok(status) = fs::read_to_string(format!("/proc/{pid}/status")) else {
        return false;
    };
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.split_whitespace().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let ppid = field("PPid:");
    let nspid = field("NSpid:");
    ppid.first() == Some(&nspawn_pid.to_string().as_str())
        && nspid.len() >= 2
        && nspid.last() == Some(&"1")
}

/// nspawn's child that is PID 1 of a new PID namespace.
fn find_container_init(nspawn_pid: u32) -> Option<u32> {
    let children = fs::read_to_string(format!("/proc/{nspawn_pid}/task/{nspawn_pid}/children"))
        .ok()
        .map(|t| {
            t.split_whitespace()
                .filter_map(|p| p.parse::<u32>().ok())
                .collect::<Vec<_>>()
        });
    let candidates = match children {
        Some(list) => list,
        None => fs::read_dir("/proc")
            .ok()?
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
            .collect(),
    };
    candidates
        .into_iter()
        .find(|&pid| is_container_init(pid, nspawn_pid))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(shell_quote("nginx.service"), "nginx.service");
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote(""), "''");
    }
}
