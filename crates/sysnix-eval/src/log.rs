//! Messages to stderr (traces, warnings, errors), written as Nix's logger writes them:
//! escape sequences filtered and tabs expanded (see [`filter_ansi_escapes`]).

use crate::support::strings::filter_ansi_escapes;
use std::io::{IsTerminal, Write};

/// Writes one message (without its final newline) to stderr.
pub fn log(message: &str) {
    let stderr = std::io::stderr();
    let text = filter_ansi_escapes(message, !stderr.is_terminal());
    let mut lock = stderr.lock();
    let _ = lock.write_all(text.as_bytes());
    let _ = lock.write_all(b"\n");
}
