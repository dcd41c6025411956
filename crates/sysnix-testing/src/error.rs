//! The harness's one error type.

use std::fmt;
use std::io;

use crate::process::CommandOutput;

/// Everything that can go wrong in the harness, each with enough context to debug a
/// failing test from its message alone (the command, its status and output, the last
/// journal lines).
#[derive(Debug)]
pub enum Error {
    /// `succeed` (or another helper expecting success) ran a command that failed.
    CommandFailed {
        /// The machine (or network namespace) the command ran in.
        machine: String,
        /// The command, its status, stdout and stderr.
        output: CommandOutput,
    },
    /// `fail` ran a command that succeeded.
    UnexpectedSuccess {
        /// The machine the command ran in.
        machine: String,
        /// The command and its output.
        output: CommandOutput,
    },
    /// A wait (`wait_for_unit`, `wait_until_succeeds`, booting, shutting down) ran out
    /// of time.
    Timeout {
        /// The machine waited on.
        machine: String,
        /// What was waited for.
        what: String,
        /// The last state seen, journal lines, console output.
        details: String,
    },
    /// A unit that was waited for failed (or is inactive with no job pending).
    UnitFailed {
        /// The machine.
        machine: String,
        /// The unit.
        unit: String,
        /// The unit's state and the tail of its journal.
        details: String,
    },
    /// The harness itself could not do something (set up a cgroup, a network namespace,
    /// start systemd-nspawn, build the root file system...).
    Setup(String),
    /// An I/O error, with what was being done.
    Io {
        /// What the harness was doing.
        context: String,
        /// The underlying error.
        source: io::Error,
    },
}

/// The harness's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The command's output, for `CommandFailed` and `UnexpectedSuccess`.
    pub fn output(&self) -> Option<&CommandOutput> {
        match self {
            Error::CommandFailed { output, .. } | Error::UnexpectedSuccess { output, .. } => {
                Some(output)
            }
            _ => None,
        }
    }

    pub(crate) fn io(context: impl Into<String>, source: io::Error) -> Error {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::CommandFailed { machine, output } => {
                write!(f, "{machine}: command failed: {output}")
            }
            Error::UnexpectedSuccess { machine, output } => {
                write!(
                    f,
                    "{machine}: command was expected to fail but succeeded: {output}"
                )
            }
            Error::Timeout {
                machine,
                what,
                details,
            } => {
                write!(f, "{machine}: timed out waiting for {what}")?;
                if !details.is_empty() {
                    write!(f, "\n{}", details.trim_end())?;
                }
                Ok(())
            }
            Error::UnitFailed {
                machine,
                unit,
                details,
            } => write!(f, "{machine}: unit {unit} failed\n{}", details.trim_end()),
            Error::Setup(message) => f.write_str(message),
            Error::Io { context, source } => write!(f, "{context}: {source}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
