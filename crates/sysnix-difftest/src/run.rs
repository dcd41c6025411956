//! Running one case in a clean environment and normalising its output.

use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::case::Case;

/// Captured output is cut after this many bytes per stream.
const MAX_CAPTURE: usize = 4 << 20;

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
    Timeout(Duration),
    /// The binary could not be started.
    SpawnError(String),
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exit::Code(c) => write!(f, "{c}"),
            Exit::Signal(s) => write!(f, "signal {s}"),
            Exit::Timeout(d) => write!(f, "timeout after {}s", d.as_secs_f64()),
            Exit::SpawnError(e) => write!(f, "spawn error: {e}"),
        }
    }
}

/// Raw output of one run.
#[derive(Debug, Clone)]
pub struct RawRun {
    pub exit: Exit,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub elapsed: Duration,
}

/// Everything a run needs besides the case.
#[derive(Debug, Clone)]
pub struct Invocation<'a> {
    pub bin: &'a Path,
    pub argv_prefix: &'a [&'a str],
    /// Value of HOME for the child (an empty temporary directory).
    pub home: &'a Path,
    pub timeout: Duration,
}

/// Build the argument vector: `prefix... <flags> ./<name>.nix`.
pub fn argv(case: &Case, argv_prefix: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = argv_prefix.iter().map(|s| s.to_string()).collect();
    args.extend(case.flags.iter().cloned());
    args.push(case.file_arg());
    args
}

/// Run one case: cwd = its folder, clean environment (PATH kept, HOME set
/// to `inv.home`, TZ=UTC, plus the case's `# env:` entries).
pub fn run_case(case: &Case, inv: &Invocation<'_>) -> RawRun {
    let start = Instant::now();
    let mut cmd = Command::new(inv.bin);
    cmd.args(argv(case, inv.argv_prefix))
        .current_dir(case.dir())
        .env_clear()
        .env("HOME", inv.home)
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    for (k, v) in &case.env {
        cmd.env(k, v);
    }
    // A program written just before (the harness's own tests write scripts) can be briefly
    // "text file busy" while another thread's fork still holds its write descriptor.
    let mut spawned = cmd.spawn();
    for _ in 0..50 {
        match &spawned {
            Err(e) if e.raw_os_error() == Some(26) => {
                std::thread::sleep(Duration::from_millis(20));
                spawned = cmd.spawn();
            }
            _ => break,
        }
    }
    let mut child = match spawned {
        Ok(c) => c,
        Err(e) => {
            return RawRun {
                exit: Exit::SpawnError(format!("{}: {e}", inv.bin.display())),
                stdout: Vec::new(),
                stderr: Vec::new(),
                elapsed: start.elapsed(),
            };
        }
    };
    let out_reader = spawn_reader(child.stdout.take());
    let err_reader = spawn_reader(child.stderr.take());
    let exit = wait_with_timeout(&mut child, inv.timeout);
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    RawRun {
        exit,
        stdout,
        stderr,
        elapsed: start.elapsed(),
    }
}

fn spawn_reader<R: Read + Send + 'static>(src: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        let Some(mut src) = src else { return buf };
        let mut chunk = [0u8; 8192];
        loop {
            match src.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let room = MAX_CAPTURE.saturating_sub(buf.len());
                    buf.extend_from_slice(&chunk[..n.min(room)]);
                }
            }
        }
        buf
    })
}

fn wait_with_timeout(child: &mut Child, timeout: Duration) -> Exit {
    let start = Instant::now();
    let mut nap = Duration::from_micros(200);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return exit_of(status),
            Ok(None) => {}
            Err(e) => return Exit::SpawnError(format!("wait failed: {e}")),
        }
        if start.elapsed() >= timeout {
            kill_group(child);
            let _ = child.wait();
            return Exit::Timeout(timeout);
        }
        thread::sleep(nap);
        nap = (nap * 2).min(Duration::from_millis(10));
    }
}

/// Kill the child's whole process group (it was made a group leader), so
/// that grandchildren holding the output pipes die too.
fn kill_group(child: &mut Child) {
    let pgid = child.id();
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pgid}")])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    let _ = child.kill();
}

fn exit_of(status: ExitStatus) -> Exit {
    match (status.code(), status.signal()) {
        (Some(c), _) => Exit::Code(c),
        (None, Some(s)) => Exit::Signal(s),
        (None, None) => Exit::Code(-1),
    }
}

/// Paths replaced in the result text: each `(absolute path, placeholder)`.
#[derive(Debug, Clone)]
pub struct Substitutions {
    pub pairs: Vec<(String, String)>,
}

impl Substitutions {
    pub fn new(corpus_dir: &Path, home: &Path) -> Self {
        let mut pairs = vec![
            (
                corpus_dir.to_string_lossy().into_owned(),
                "$CORPUS".to_string(),
            ),
            (home.to_string_lossy().into_owned(), "$HOME".to_string()),
        ];
        // Longest first, so a HOME inside the corpus (or vice versa) is fine.
        pairs.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        pairs.retain(|(p, _)| !p.is_empty());
        Substitutions { pairs }
    }

    pub fn apply(&self, s: &str) -> String {
        let mut out = s.to_string();
        for (from, to) in &self.pairs {
            if out.contains(from.as_str()) {
                out = out.replace(from.as_str(), to);
            }
        }
        out
    }
}

/// True for `   at <file>:<line>:<col>:` (leading whitespace required).
pub fn is_position_line(line: &str) -> bool {
    if !line.starts_with(|c: char| c.is_whitespace()) {
        return false;
    }
    let Some(rest) = line.trim_start().strip_prefix("at ") else {
        return false;
    };
    let Some(rest) = rest.strip_suffix(':') else {
        return false;
    };
    let mut parts = rest.rsplitn(3, ':');
    let col = parts.next().unwrap_or("");
    let ln = parts.next().unwrap_or("");
    let file = parts.next().unwrap_or("");
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(col) && digits(ln) && !file.is_empty()
}

/// Pick the stderr lines that are compared: every `trace: ` / `warning: `
/// line, the first `error: ` line, and the first position line after it.
pub fn select_stderr(stderr: &str) -> Vec<String> {
    let mut selected = Vec::new();
    let mut seen_error = false;
    let mut seen_position = false;
    for line in stderr.lines() {
        let line = line.trim_end();
        if line.starts_with("trace: ") || line.starts_with("warning: ") {
            selected.push(line.to_string());
        } else if !seen_error && line.starts_with("error: ") {
            seen_error = true;
            selected.push(line.to_string());
        } else if seen_error && !seen_position && is_position_line(line) {
            seen_position = true;
            selected.push(line.trim().to_string());
        }
    }
    selected
}

/// The normalised result text of a run (the format of `.exp` files).
pub fn result_text(run: &RawRun, subst: &Substitutions) -> String {
    let mut text = String::new();
    text.push_str(&format!("exit: {}\n", run.exit));
    text.push_str("stdout:\n");
    let stdout = String::from_utf8_lossy(&run.stdout);
    text.push_str(&subst.apply(&stdout));
    if !stdout.is_empty() && !stdout.ends_with('\n') {
        text.push_str("\n\\ no newline at end of stdout\n");
    }
    text.push_str("stderr:\n");
    let stderr = String::from_utf8_lossy(&run.stderr);
    for line in select_stderr(&stderr) {
        text.push_str(&subst.apply(&line));
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_lines() {
        assert!(is_position_line("       at /a/b.nix:1:15:"));
        assert!(is_position_line("\tat «string»:3:4:"));
        assert!(!is_position_line("at /a/b.nix:1:15:"));
        assert!(!is_position_line("       at /a/b.nix:1:x:"));
        assert!(!is_position_line("       at /a/b.nix:1:15"));
        assert!(!is_position_line("       at :1:15:"));
    }

    #[test]
    fn stderr_selection() {
        let err = "trace: one\nwarning: w\nerror: boom\n\n       at /c/x.nix:2:3:\n\n            2| x\n       at /c/y.nix:9:9:\nerror: second\ntrace: late\n";
        assert_eq!(
            select_stderr(err),
            vec![
                "trace: one",
                "warning: w",
                "error: boom",
                "at /c/x.nix:2:3:",
                "trace: late"
            ]
        );
        // A position line before any error is not selected.
        assert_eq!(select_stderr("   at /c/x.nix:2:3:\n"), Vec::<String>::new());
    }

    #[test]
    fn text_format() {
        let run = RawRun {
            exit: Exit::Code(1),
            stdout: b"/corp/fam/a.nix".to_vec(),
            stderr: b"error: in /corp/fam\n\n   at /corp/fam/a.nix:1:2:\n".to_vec(),
            elapsed: Duration::ZERO,
        };
        let subst = Substitutions::new(Path::new("/corp"), Path::new("/tmp/home"));
        assert_eq!(
            result_text(&run, &subst),
            "exit: 1\nstdout:\n$CORPUS/fam/a.nix\n\\ no newline at end of stdout\nstderr:\nerror: in $CORPUS/fam\nat $CORPUS/fam/a.nix:1:2:\n"
        );
    }
}
