//! Running a command with captured output and a time limit.

use std::fmt;
use std::fs::File;
use std::io::{Read, Seek};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// What a command did: its exit status and everything it printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandOutput {
    /// The command as given (for a guest command, the shell text).
    pub command: String,
    /// The exit status as a shell reports it: the exit code, or 128 + the signal number
    /// when a signal killed it.
    pub status: i32,
    /// Standard output (invalid UTF-8 replaced).
    pub stdout: String,
    /// Standard error (invalid UTF-8 replaced).
    pub stderr: String,
}

impl CommandOutput {
    /// Whether the command exited with status 0.
    pub fn success(&self) -> bool {
        self.status == 0
    }
}

impl fmt::Display for CommandOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` exited with status {}", self.command, self.status)?;
        for (name, text) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            if text.trim().is_empty() {
                write!(f, "\n--- {name}: (empty)")?;
            } else {
                write!(f, "\n--- {name}:\n{}", text.trim_end())?;
            }
        }
        Ok(())
    }
}

/// The shell-style status of an exited process.
pub(crate) fn shell_status(status: ExitStatus) -> i32 {
    match (status.code(), status.signal()) {
        (Some(code), _) => code,
        (None, Some(signal)) => 128 + signal,
        (None, None) => -1,
    }
}

/// How a captured run ended.
pub(crate) enum Finished {
    Exited(CommandOutput),
    /// The time limit passed; the command's whole process group was killed. The output
    /// holds what it had printed until then.
    TimedOut(CommandOutput),
}

/// Runs `command` in its own process group with stdout and stderr captured in anonymous
/// temporary files (so a background process it leaves behind cannot make us wait), and
/// kills the whole group if it runs longer than `timeout`.
pub(crate) fn run_captured(
    command: Command,
    display: &str,
    stdin: Stdio,
    timeout: Option<Duration>,
) -> Result<Finished> {
    run_captured_to(command, display, stdin, None, timeout)
}

/// [`run_captured`], with stdout going to `stdout_file` when given (the output's
/// `stdout` is then empty): for binary output.
pub(crate) fn run_captured_to(
    mut command: Command,
    display: &str,
    stdin: Stdio,
    stdout_file: Option<File>,
    timeout: Option<Duration>,
) -> Result<Finished> {
    let to_file = stdout_file.is_some();
    let mut stdout = match stdout_file {
        Some(file) => file,
        None => tempfile::tempfile().map_err(|e| Error::io("creating a temporary file", e))?,
    };
    let mut stderr = tempfile::tempfile().map_err(|e| Error::io("creating a temporary file", e))?;
    let clone = |f: &File| {
        f.try_clone()
            .map_err(|e| Error::io("duplicating a file descriptor", e))
    };
    command
        .stdin(stdin)
        .stdout(clone(&stdout)?)
        .stderr(clone(&stderr)?)
        .process_group(0);
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child = command
        .spawn()
        .map_err(|e| Error::io(format!("starting {program} for `{display}`"), e))?;
    let started = Instant::now();
    let mut pause = Duration::from_millis(1);
    let (status, timed_out) = loop {
        if let Some(status) = child
            .try_wait()
            .map_err(|e| Error::io(format!("waiting for `{display}`"), e))?
        {
            break (status, false);
        }
        if timeout.is_some_and(|limit| started.elapsed() >= limit) {
            // SAFETY: plain kill(2) of the process group we created for this child.
            unsafe { libc::kill(-(child.id() as libc::pid_t), libc::SIGKILL) };
            let status = child
                .wait()
                .map_err(|e| Error::io(format!("waiting for `{display}`"), e))?;
            break (status, true);
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    };
    let read = |f: &mut File| -> Result<String> {
        let mut bytes = Vec::new();
        f.rewind()
            .and_then(|_| f.read_to_end(&mut bytes))
            .map_err(|e| Error::io("reading a command's output", e))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    };
    let output = CommandOutput {
        command: display.to_string(),
        status: shell_status(status),
        stdout: if to_file {
            String::new()
        } else {
            read(&mut stdout)?
        },
        stderr: read(&mut stderr)?,
    };
    Ok(if timed_out {
        Finished::TimedOut(output)
    } else {
        Finished::Exited(output)
    })
}

/// Runs a host program to completion (no time limit), failing unless it exits 0.
pub(crate) fn host(program: &str, args: &[&str]) -> Result<CommandOutput> {
    let display = std::iter::once(program)
        .chain(args.iter().copied())
        .collect::<Vec<_>>()
        .join(" ");
    let mut command = Command::new(program);
    command.args(args);
    match run_captured(command, &display, Stdio::null(), None)? {
        Finished::Exited(output) if output.success() => Ok(output),
        Finished::Exited(output) | Finished::TimedOut(output) => Err(Error::CommandFailed {
            machine: "host".into(),
            output,
        }),
    }
}

/// The last `lines` lines of `text`.
pub(crate) fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}
