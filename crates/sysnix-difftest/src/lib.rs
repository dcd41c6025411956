//! Differential test harness for sysnix.
//!
//! The corpus lives in `tests/corpus/<family>/<name>.nix`. Each case is run as
//! `BIN PREFIX... FLAGS ./<name>.nix` with the case's folder as working
//! directory, in a clean environment (only `PATH` is kept; `HOME` is an empty
//! temporary directory, `TZ=UTC`, `NIX_PATH` unset), and its output is
//! normalised into a *result text*:
//!
//! ```text
//! exit: <code>
//! stdout:
//! <stdout verbatim>
//! stderr:
//! <selected stderr lines>
//! ```
//!
//! The selected stderr lines are every `trace: ` and `warning: ` line, the
//! first `error: ` line and the first `   at FILE:LINE:COL:` line after it
//! (trimmed). The canonical corpus directory is replaced by `$CORPUS` (and the
//! temporary HOME by `$HOME`) everywhere. Stdout that does not end in a
//! newline gets the marker line `\ no newline at end of stdout`.
//!
//! ## Case directives
//! Leading `#` comment lines of a case may hold:
//! - `# flags: <flags>` replacing the default `--eval --strict` (quoting with
//!   `'…'` or `"…"` groups words);
//! - `# env: NAME=VALUE ...` adding environment variables (e.g. `NIX_PATH`);
//! - `# differs-from-2.8: <reason>`: `<name>.exp` then holds what sysnix must
//!   print (written by hand, following current Nix) and `<name>.nix28` what
//!   Nix 2.8 prints (recorded).
//!
//! Files inside sub-folders of a family (`syntax/data/...`) are helpers, not
//! cases.
//!
//! ## Use from the sysnix CLI's tests
//! `crates/sysnix-cli/Cargo.toml` needs
//! `[dev-dependencies] sysnix-difftest = { path = "../sysnix-difftest" }`, and
//! `crates/sysnix-cli/tests/corpus.rs`:
//!
//! ```no_run
//! use std::path::Path;
//!
//! #[test]
//! fn corpus_matches_recordings() {
//!     let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
//!     let report = sysnix_difftest::run_corpus(
//!         Path::new(env!("CARGO_BIN_EXE_sysnix")),
//!         &["instantiate"],
//!         &corpus,
//!         sysnix_difftest::Expect::Sysnix,
//!     );
//!     report.print(); // last line: `corpus: N passed, M failed`
//!     assert!(report.is_success(), "{}", report.summary_line());
//! }
//! ```
//!
//! Set `SYSNIX_CORPUS_FILTER=syntax/,errors/undefined` (comma-separated
//! substrings of `family/name`) to run a subset. [`Report::print`] writes
//! straight to the process's stdout (not through the test harness's capture),
//! so the per-family table and the closing `corpus: N passed, M failed` line
//! show in `cargo test` output even when the test passes; the first 40 failure
//! diffs are shown in full (`SYSNIX_CORPUS_MAX_DIFFS=N` changes that) and the
//! remaining failures are listed by name.
//!
//! ## Recording
//! `cargo run -p sysnix-difftest --bin corpus-record -- [--force] [PATHS...]`
//! runs `nix-instantiate` on cases without a recording (all with `--force`)
//! and writes `<name>.exp`, or `<name>.nix28` for cases marked
//! `differs-from-2.8`.

pub mod case;
pub mod report;
pub mod run;
pub mod suite;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub use case::{Case, Expect, discover};
pub use report::{Counts, Failure, Report};
pub use run::{Exit, RawRun};

/// Per-case time limit; a case running longer fails.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// Number of cases run concurrently.
pub const DEFAULT_THREADS: usize = 2;
/// Environment variable selecting a subset of cases.
pub const FILTER_VAR: &str = "SYSNIX_CORPUS_FILTER";

/// Knobs of a corpus run; [`Options::new`] gives the defaults.
#[derive(Debug, Clone)]
pub struct Options {
    pub expect: Expect,
    pub timeout: Duration,
    pub threads: usize,
    /// Only cases whose `family/name` contains one of these substrings
    /// (all cases when empty).
    pub filter: Vec<String>,
}

impl Options {
    /// Defaults: 10 s timeout, 2 threads, filter from `SYSNIX_CORPUS_FILTER`.
    pub fn new(expect: Expect) -> Self {
        let filter = std::env::var(FILTER_VAR)
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        Options {
            expect,
            timeout: DEFAULT_TIMEOUT,
            threads: DEFAULT_THREADS,
            filter,
        }
    }

    fn selects(&self, case: &Case) -> bool {
        let id = case.id();
        self.filter.is_empty() || self.filter.iter().any(|f| id.contains(f.as_str()))
    }
}

/// Run every case of `corpus_dir` with `bin argv_prefix... <flags> ./name.nix`
/// and compare with the recordings: `.exp` for [`Expect::Sysnix`]; for
/// [`Expect::Nix28`] (the live oracle check with `nix-instantiate` and an
/// empty prefix) `.nix28` for cases marked `differs-from-2.8`.
pub fn run_corpus(bin: &Path, argv_prefix: &[&str], corpus_dir: &Path, expect: Expect) -> Report {
    run_corpus_with(bin, argv_prefix, corpus_dir, &Options::new(expect))
}

/// [`run_corpus`] with explicit [`Options`].
pub fn run_corpus_with(
    bin: &Path,
    argv_prefix: &[&str],
    corpus_dir: &Path,
    opts: &Options,
) -> Report {
    let start = Instant::now();
    let mut report = Report::default();
    let corpus_dir = match corpus_dir.canonicalize() {
        Ok(d) => d,
        Err(e) => {
            report.errors.push(format!("{}: {e}", corpus_dir.display()));
            report.failed += 1;
            return report;
        }
    };
    let cases = match discover(&corpus_dir) {
        Ok(c) => c,
        Err(e) => {
            report.errors.push(e.to_string());
            report.failed += 1;
            return report;
        }
    };
    let cases: Vec<Case> = cases.into_iter().filter(|c| opts.selects(c)).collect();
    let home = match TempDir::new() {
        Ok(h) => h,
        Err(e) => {
            report
                .errors
                .push(format!("cannot create temporary HOME: {e}"));
            report.failed += 1;
            return report;
        }
    };
    let results = run_all(&cases, bin, argv_prefix, &corpus_dir, home.path(), opts);
    for (case, (text, raw)) in cases.iter().zip(results) {
        let expected_path = case.expected_path(opts.expect);
        let expected = std::fs::read_to_string(&expected_path).ok();
        let counts = report.families.entry(case.family.clone()).or_default();
        if expected.as_deref() == Some(text.as_str()) {
            counts.passed += 1;
            report.passed += 1;
        } else {
            counts.failed += 1;
            report.failed += 1;
            report.failures.push(Failure {
                id: case.id(),
                path: case.path.clone(),
                command: command_line(case, bin, argv_prefix),
                expected_path,
                expected,
                actual: text,
                elapsed: raw.elapsed,
            });
        }
    }
    report.elapsed = start.elapsed();
    report
}

/// Run `cases` on `opts.threads` threads; results come back in case order as
/// (normalised result text, raw run).
pub fn run_all(
    cases: &[Case],
    bin: &Path,
    argv_prefix: &[&str],
    corpus_dir: &Path,
    home: &Path,
    opts: &Options,
) -> Vec<(String, RawRun)> {
    let subst = run::Substitutions::new(corpus_dir, home);
    let inv = run::Invocation {
        bin,
        argv_prefix,
        home,
        timeout: opts.timeout,
    };
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<(String, RawRun)>>> =
        cases.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..opts.threads.max(1) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(case) = cases.get(i) else { break };
                    let raw = run::run_case(case, &inv);
                    let text = run::result_text(&raw, &subst);
                    *slots[i].lock().unwrap() = Some((text, raw));
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|m| m.into_inner().unwrap().expect("every case was run"))
        .collect()
}

/// Shell-like rendering of the command run for a case.
pub fn command_line(case: &Case, bin: &Path, argv_prefix: &[&str]) -> String {
    let env: String = case
        .env
        .iter()
        .map(|(k, v)| format!("{k}={} ", shell_quote(v)))
        .collect();
    let args: Vec<String> = run::argv(case, argv_prefix)
        .iter()
        .map(|a| shell_quote(a))
        .collect();
    format!(
        "{env}{} {}",
        shell_quote(&bin.display().to_string()),
        args.join(" ")
    )
}

fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./=:+,@%".contains(&b))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// The corpus shipped in this repository (`tests/corpus`).
pub fn default_corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

/// Find `name` on PATH.
pub fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// An empty temporary directory removed on drop (used as HOME).
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> std::io::Result<TempDir> {
        static SEQ: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "sysnix-difftest-home-{}-{}-{nanos}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir)?;
        Ok(TempDir(dir.canonicalize()?))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
