//! A case folder run as one test, with a list of accepted failures.
//!
//! Besides `tests/corpus`, the repository holds more folders in the corpus
//! format (`tests/lib`, `tests/modules`): each is checked by sysnix against
//! its recordings, with the failures sysnix is known to have listed in a
//! `KNOWN_FAILURES` file (`family/name  # reason`, one a line), and by a live
//! Nix 2.8 `nix-instantiate` with no failure allowed.
//!
//! ```ignore
//! use std::path::Path;
//! let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/lib");
//! sysnix_difftest::suite::check_suite(
//!     Path::new(env!("CARGO_BIN_EXE_sysnix")),
//!     &["instantiate"],
//!     &dir,
//!     sysnix_difftest::Expect::Sysnix,
//!     Some(&dir.join("KNOWN_FAILURES")),
//!     250,
//! );
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::{Expect, find_on_path, run_corpus};

/// Read a KNOWN_FAILURES file: `family/name  # reason` per line; blank lines
/// and lines starting with `#` are skipped. A missing file is an empty list.
pub fn known_failures(path: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('#') {
            Some((id, why)) => (id.trim().to_string(), why.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

/// Run every case of `dir` with `bin argv_prefix...` and panic (failing the
/// calling test) on any failure not listed in `known_failures_file`, on
/// problems with the folder, or when it holds fewer than `min_cases` cases.
/// Listed cases that pass now are reported so the list can shrink.
pub fn check_suite(
    bin: &Path,
    argv_prefix: &[&str],
    dir: &Path,
    expect: Expect,
    known_failures_file: Option<&Path>,
    min_cases: usize,
) {
    let report = run_corpus(bin, argv_prefix, dir, expect);
    let known = known_failures_file.map(known_failures).unwrap_or_default();
    let mut unexpected = Vec::new();
    for f in &report.failures {
        if !known.contains_key(&f.id) {
            println!("---- FAIL {}\n     {}\n{}", f.id, f.command, f.diff());
            unexpected.push(f.id.clone());
        }
    }
    let failed: Vec<&String> = report.failures.iter().map(|f| &f.id).collect();
    for id in known.keys().filter(|k| !failed.contains(k)) {
        println!("note: {id} is listed in KNOWN_FAILURES but passes now: remove it from the list");
    }
    let total = report.passed + report.failed;
    println!(
        "{}: {total} cases, {} pass, {} known failures, {} unexpected",
        dir.display(),
        report.passed,
        report.failed - unexpected.len(),
        unexpected.len()
    );
    assert!(
        report.errors.is_empty(),
        "suite problems: {:?}",
        report.errors
    );
    assert!(
        total >= min_cases,
        "only {total} cases in {} (expected at least {min_cases})",
        dir.display()
    );
    assert!(unexpected.is_empty(), "unexpected failures: {unexpected:?}");
}

/// `nix-instantiate` from PATH for live oracle checks. `None` means skip
/// (a note is printed); when `CI=true` a missing oracle panics instead.
pub fn oracle_or_skip() -> Option<PathBuf> {
    match find_on_path("nix-instantiate") {
        Some(p) => Some(p),
        None if std::env::var("CI").as_deref() == Ok("true") => panic!(
            "nix-instantiate (Nix 2.8) is not on PATH, but CI=true: the oracle check cannot be skipped"
        ),
        None => {
            eprintln!("skipping live oracle check: nix-instantiate is not on PATH");
            None
        }
    }
}

/// Problems with a suite folder whose cases must all agree with Nix 2.8 (the lib and
/// module suites): a case without its `.exp`, a case marked `differs-from-2.8`, a
/// recording left without its case, a family in `families` with no case, and a
/// `KNOWN_FAILURES` line naming no case. Empty when the folder is well formed.
pub fn well_formed_problems(dir: &Path, families: &[&str]) -> Vec<String> {
    let cases = match crate::discover(dir) {
        Ok(c) => c,
        Err(e) => return vec![format!("{} unreadable: {e}", dir.display())],
    };
    let mut problems = Vec::new();
    let mut stems = std::collections::BTreeSet::new();
    let mut ids = std::collections::BTreeSet::new();
    for case in &cases {
        stems.insert(case.path.with_extension(""));
        ids.insert(case.id());
        if !case.exp_path().is_file() {
            problems.push(format!("{}: missing .exp", case.id()));
        }
        if case.differs_from_28.is_some() {
            problems.push(format!(
                "{}: cases here must agree with Nix 2.8 (no differs-from-2.8)",
                case.id()
            ));
        }
    }
    let subdirs = |d: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(d)
            .map(|r| r.flatten().map(|e| e.path()).collect())
            .unwrap_or_default()
    };
    for family in subdirs(dir).into_iter().filter(|p| p.is_dir()) {
        for p in subdirs(&family) {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if (ext == "exp" || ext == "nix28") && !stems.contains(&p.with_extension("")) {
                problems.push(format!("stale recording without a case: {}", p.display()));
            }
        }
    }
    for family in families {
        if !cases.iter().any(|c| c.family == *family) {
            problems.push(format!("family {family} has no cases"));
        }
    }
    for id in known_failures(&dir.join("KNOWN_FAILURES")).keys() {
        if !ids.contains(id) {
            problems.push(format!("KNOWN_FAILURES names {id}, which is not a case"));
        }
    }
    problems
}
