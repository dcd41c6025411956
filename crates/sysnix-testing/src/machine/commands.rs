//! Driving a booted [`Machine`]: guest commands (through `nsenter`), waiting for units,
//! ports and files, the journal, processes, and copying files in and out.

use std::fs::{self, File};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::{Machine, shell_quote};
use crate::error::{Error, Result};
use crate::process::{self, CommandOutput, Finished};

/// The environment a guest command runs with (nothing of the test process's leaks in).
const GUEST_ENV: &[(&str, &str)] = &[
    (
        "PATH",
        "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    ),
    ("HOME", "/root"),
    ("USER", "root"),
    ("LOGNAME", "root"),
    ("LANG", "C.UTF-8"),
    ("TERM", "dumb"),
    ("SYSTEMD_PAGER", ""),
    ("SYSTEMD_COLORS", "0"),
];

impl Machine {
    /// Runs `sh -c cmd` in the machine as root and returns what it did, whatever its
    /// status. Killed (with everything it started in the foreground) after the command
    /// timeout, which is an [`Error::Timeout`].
    pub fn execute(&self, cmd: &str) -> Result<CommandOutput> {
        self.execute_timeout(cmd, self.command_timeout)
    }

    /// [`Machine::execute`] with its own time limit.
    pub fn execute_timeout(&self, cmd: &str, timeout: Duration) -> Result<CommandOutput> {
        self.guest(cmd, &[], Stdio::null(), None, timeout)
    }

    /// Runs `sh -c cmd` in the machine and returns its stdout; fails with the command,
    /// its status, stdout and stderr unless it exits 0.
    pub fn succeed(&self, cmd: &str) -> Result<String> {
        let output = self.execute(cmd)?;
        if output.success() {
            Ok(output.stdout)
        } else {
            Err(Error::CommandFailed {
                machine: self.name.clone(),
                output,
            })
        }
    }

    /// Runs `sh -c cmd` in the machine, expecting it to fail: returns its output (with
    /// the non-zero status); an error if it exited 0.
    pub fn fail(&self, cmd: &str) -> Result<CommandOutput> {
        let output = self.execute(cmd)?;
        if output.success() {
            Err(Error::UnexpectedSuccess {
                machine: self.name.clone(),
                output,
            })
        } else {
            Ok(output)
        }
    }

    /// Runs `cmd` until it exits 0 (returning its stdout), retrying for up to `timeout`.
    pub fn wait_until_succeeds(&self, cmd: &str, timeout: Duration) -> Result<String> {
        self.retry(cmd, timeout, true).map(|o| o.stdout)
    }

    /// Runs `cmd` until it exits non-zero (returning its output), for up to `timeout`.
    pub fn wait_until_fails(&self, cmd: &str, timeout: Duration) -> Result<CommandOutput> {
        self.retry(cmd, timeout, false)
    }

    fn retry(&self, cmd: &str, timeout: Duration, want_success: bool) -> Result<CommandOutput> {
        let deadline = Instant::now() + timeout;
        let mut pause = Duration::from_millis(20);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let last = match self.execute_timeout(cmd, left.max(Duration::from_millis(100))) {
                Ok(output) if output.success() == want_success => return Ok(output),
                Ok(output) => output.to_string(),
                Err(Error::Timeout { details, .. }) => details,
                Err(e) => return Err(e),
            };
            if Instant::now() >= deadline {
                let want = if want_success { "succeeds" } else { "fails" };
                return Err(Error::Timeout {
                    machine: self.name.clone(),
                    what: format!("`{cmd}` until it {want} ({timeout:?})"),
                    details: format!("last try: {last}"),
                });
            }
            thread::sleep(pause.min(left));
            pause = (pause * 2).min(Duration::from_millis(250));
        }
    }

    /// Waits until `unit` is active. Fails early (with `systemctl status` and the unit's
    /// journal) if the unit fails, or is inactive while no job at all is pending, as
    /// NixOS's `wait_for_unit` does.
    pub fn wait_for_unit(&self, unit: &str, timeout: Duration) -> Result<()> {
        let deadline = Instant::now() + timeout;
        let mut pause = Duration::from_millis(10);
        loop {
            let props = self.unit_properties(unit, &["LoadState", "ActiveState", "SubState"])?;
            let active = props[1].as_str();
            let state = format!(
                "LoadState={} ActiveState={} SubState={}",
                props[0], props[1], props[2]
            );
            match active {
                "active" => return Ok(()),
                "failed" => return Err(self.unit_failed(unit, &state)),
                "inactive" => {
                    let jobs = self.succeed("systemctl list-jobs --no-legend --full")?;
                    if jobs.trim().is_empty() {
                        // Re-check: the unit may have become active meanwhile.
                        let again = self.unit_properties(unit, &["ActiveState"])?;
                        if again[0] == "active" {
                            return Ok(());
                        }
                        if again[0] == "inactive" {
                            return Err(self.unit_failed(
                                unit,
                                &format!("{state}: inactive, and no job is pending"),
                            ));
                        }
                    }
                }
                _ => {}
            }
            if Instant::now() >= deadline {
                return Err(Error::Timeout {
                    machine: self.name.clone(),
                    what: format!("unit {unit} to become active ({timeout:?})"),
                    details: format!("{state}\n{}", self.status_and_journal(unit)),
                });
            }
            thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(200));
        }
    }

    fn unit_failed(&self, unit: &str, state: &str) -> Error {
        Error::UnitFailed {
            machine: self.name.clone(),
            unit: unit.to_string(),
            details: format!("{state}\n{}", self.status_and_journal(unit)),
        }
    }

    fn status_and_journal(&self, unit: &str) -> String {
        let status = self
            .execute(&format!(
                "systemctl status --no-pager --full --lines=0 -- {}",
                shell_quote(unit)
            ))
            .map(|o| o.stdout)
            .unwrap_or_else(|e| e.to_string());
        let journal = self.journal(unit, 30).unwrap_or_else(|e| e.to_string());
        format!(
            "--- systemctl status:\n{}\n--- journal (last 30 lines):\n{}",
            status.trim_end(),
            journal.trim_end()
        )
    }

    /// Values of `systemctl show -p` properties of `unit`, in the order asked.
    pub fn unit_properties(&self, unit: &str, properties: &[&str]) -> Result<Vec<String>> {
        let out = self.succeed(&format!(
            "systemctl show --property={} -- {}",
            properties.join(","),
            shell_quote(unit)
        ))?;
        let mut values = Vec::with_capacity(properties.len());
        for property in properties {
            let prefix = format!("{property}=");
            values.push(
                out.lines()
                    .find_map(|l| l.strip_prefix(&prefix))
                    .unwrap_or("")
                    .to_string(),
            );
        }
        Ok(values)
    }

    /// Runs `systemctl ARGS` in the machine (`m.systemctl("restart nginx")`) and returns
    /// what it did, whatever its status.
    pub fn systemctl(&self, args: &str) -> Result<CommandOutput> {
        self.execute(&format!("systemctl --no-pager {args}"))
    }

    /// Waits until `path` exists in the machine.
    pub fn wait_for_file(&self, path: &str, timeout: Duration) -> Result<()> {
        self.wait_until_succeeds(&format!("test -e {}", shell_quote(path)), timeout)
            .map(|_| ())
    }

    /// Waits until something listens on TCP `port` (any address) in the machine.
    pub fn wait_for_open_port(&self, port: u16, timeout: Duration) -> Result<()> {
        self.wait_until_succeeds(&port_check(port), timeout)
            .map(|_| ())
            .map_err(|e| match e {
                Error::Timeout { machine, .. } => Error::Timeout {
                    what: format!("TCP port {port} to be listened on ({timeout:?})"),
                    details: self
                        .execute("ss -Htlnp")
                        .map(|o| format!("listening sockets:\n{}", o.stdout))
                        .unwrap_or_default(),
                    machine,
                },
                other => other,
            })
    }

    /// Waits until nothing listens on TCP `port` in the machine.
    pub fn wait_for_closed_port(&self, port: u16, timeout: Duration) -> Result<()> {
        self.wait_until_fails(&port_check(port), timeout)
            .map(|_| ())
    }

    /// The main PID of `unit` as the guest sees it; an error if it has none (not
    /// running).
    pub fn unit_pid(&self, unit: &str) -> Result<u32> {
        let value = self.unit_properties(unit, &["MainPID"])?.remove(0);
        match value.parse::<u32>() {
            Ok(pid) if pid != 0 => Ok(pid),
            _ => Err(Error::Setup(format!(
                "{}: unit {unit} has no main process (MainPID={value})",
                self.name
            ))),
        }
    }

    /// The last `lines` lines of `unit`'s journal.
    pub fn journal(&self, unit: &str, lines: usize) -> Result<String> {
        self.succeed(&format!(
            "journalctl --no-pager --quiet -n {lines} -u {}",
            shell_quote(unit)
        ))
    }

    /// The last `lines` lines of the whole journal.
    pub fn system_journal(&self, lines: usize) -> Result<String> {
        self.succeed(&format!("journalctl --no-pager --quiet -n {lines}"))
    }

    /// Sends `signal` (`libc::SIGKILL`, 15...) to a process in the machine: `target` is
    /// a guest PID, or a process name matched exactly (`pkill -x`, all processes of that
    /// name). Fails if nothing matched.
    pub fn kill_process(&self, target: &str, signal: i32) -> Result<()> {
        let cmd = if !target.is_empty() && target.bytes().all(|b| b.is_ascii_digit()) {
            format!("kill -{signal} {target}")
        } else {
            format!("pkill --signal {signal} -x -- {}", shell_quote(target))
        };
        self.succeed(&cmd).map(|_| ())
    }

    /// Copies a host file or directory into the machine. A file becomes `guest_path`
    /// (parents created, mode kept); a directory's contents go into directory
    /// `guest_path`.
    pub fn copy_in(&self, host_path: impl AsRef<Path>, guest_path: &str) -> Result<()> {
        let host_path = host_path.as_ref();
        let meta = fs::metadata(host_path)
            .map_err(|e| Error::io(format!("reading {}", host_path.display()), e))?;
        let output = if meta.is_dir() {
            let mut tar = Command::new("tar")
                .arg("-C")
                .arg(host_path)
                .args(["-cf", "-", "."])
                .stdout(Stdio::piped())
                .spawn()
                .map_err(|e| Error::io("starting tar", e))?;
            let stdin = Stdio::from(tar.stdout.take().expect("piped stdout"));
            let output = self.guest(
                r#"mkdir -p -- "$1" && tar --no-same-owner -C "$1" -xf -"#,
                &[guest_path],
                stdin,
                None,
                self.command_timeout,
            );
            let status = tar.wait().map_err(|e| Error::io("waiting for tar", e))?;
            if !status.success() {
                return Err(Error::Setup(format!(
                    "tar of {} failed: {status}",
                    host_path.display()
                )));
            }
            output?
        } else {
            let file = File::open(host_path)
                .map_err(|e| Error::io(format!("opening {}", host_path.display()), e))?;
            let mode = format!("{:o}", meta.permissions().mode() & 0o7777);
            self.guest(
                r#"mkdir -p -- "$(dirname -- "$1")" && cat > "$1" && chmod "$2" -- "$1""#,
                &[guest_path, &mode],
                Stdio::from(file),
                None,
                self.command_timeout,
            )?
        };
        if output.success() {
            Ok(())
        } else {
            Err(Error::CommandFailed {
                machine: self.name.clone(),
                output,
            })
        }
    }

    /// Copies a file out of the machine to `host_path` (bytes as they are).
    pub fn copy_out(&self, guest_path: &str, host_path: impl AsRef<Path>) -> Result<()> {
        let host_path = host_path.as_ref();
        let file = File::create(host_path)
            .map_err(|e| Error::io(format!("creating {}", host_path.display()), e))?;
        let output = self.guest(
            r#"cat -- "$1""#,
            &[guest_path],
            Stdio::null(),
            Some(file),
            self.command_timeout,
        )?;
        if output.success() {
            Ok(())
        } else {
            let _ = fs::remove_file(host_path);
            Err(Error::CommandFailed {
                machine: self.name.clone(),
                output,
            })
        }
    }

    /// Runs `sh -c script sh ARGS...` in the guest.
    fn guest(
        &self,
        script: &str,
        args: &[&str],
        stdin: Stdio,
        stdout: Option<File>,
        timeout: Duration,
    ) -> Result<CommandOutput> {
        // Between nspawn starting (or restarting after a reboot) and the container's
        // init appearing, wait a little rather than fail.
        let deadline = Instant::now() + Duration::from_secs(10);
        let leader = loop {
            match self.leader_pid() {
                Ok(pid) => break pid.to_string(),
                Err(e) if !self.is_up() || Instant::now() >= deadline => return Err(e),
                Err(_) => thread::sleep(Duration::from_millis(5)),
            }
        };
        let mut command = Command::new("nsenter");
        command
            .args([
                "--target", &leader, "--all", "--", "/bin/sh", "-c", script, "sh",
            ])
            .args(args)
            .env_clear()
            .envs(GUEST_ENV.iter().copied());
        let display = if args.is_empty() {
            script.to_string()
        } else {
            format!("{script} (with $1.. = {args:?})")
        };
        match process::run_captured_to(command, &display, stdin, stdout, Some(timeout))? {
            Finished::Exited(output) => Ok(output),
            Finished::TimedOut(output) => Err(Error::Timeout {
                machine: self.name.clone(),
                what: format!("`{display}` to finish ({timeout:?}); it was killed"),
                details: output.to_string(),
            }),
        }
    }
}

/// The command that succeeds when something listens on TCP `port`.
fn port_check(port: u16) -> String {
    format!("ss -Htln 'sport = :{port}' | grep -q .")
}
