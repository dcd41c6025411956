//! Proves the recordings are honest: Nix 2.8's `nix-instantiate`, run live
//! over the whole corpus, must reproduce every `.exp` (or `.nix28` for cases
//! marked `differs-from-2.8`). Also checks the corpus is well formed.

use std::collections::BTreeSet;
use std::path::Path;

use sysnix_difftest::{Expect, default_corpus_dir, discover, run_corpus};

/// Fewer cases than this means the corpus was damaged or lost.
const MIN_CASES: usize = 550;

#[test]
fn live_oracle_matches_recordings() {
    let Some(oracle) = sysnix_difftest::suite::oracle_or_skip() else {
        return;
    };
    let report = run_corpus(&oracle, &[], &default_corpus_dir(), Expect::Nix28);
    report.print();
    assert!(
        report.is_success(),
        "nix-instantiate disagrees with the recordings: {}",
        report.summary_line()
    );
}

#[test]
fn corpus_is_well_formed() {
    let corpus = default_corpus_dir()
        .canonicalize()
        .expect("tests/corpus exists");
    let cases = discover(&corpus).expect("corpus readable");
    assert!(
        cases.len() >= MIN_CASES,
        "only {} cases in {}",
        cases.len(),
        corpus.display()
    );
    let mut problems = Vec::new();
    let mut case_stems = BTreeSet::new();
    for case in &cases {
        case_stems.insert(case.path.with_extension(""));
        if !case.exp_path().is_file() {
            problems.push(format!("{}: missing .exp", case.id()));
        }
        let has28 = case.nix28_path().is_file();
        match (&case.differs_from_28, has28) {
            (Some(reason), _) if reason.is_empty() => {
                problems.push(format!("{}: differs-from-2.8 needs a reason", case.id()))
            }
            (Some(_), false) => problems.push(format!(
                "{}: marked differs-from-2.8 but has no .nix28",
                case.id()
            )),
            (None, true) => problems.push(format!(
                "{}: has .nix28 but is not marked differs-from-2.8",
                case.id()
            )),
            _ => {}
        }
        if let (Some(_), true) = (&case.differs_from_28, has28) {
            let exp = std::fs::read_to_string(case.exp_path()).unwrap_or_default();
            let n28 = std::fs::read_to_string(case.nix28_path()).unwrap_or_default();
            if exp == n28 {
                problems.push(format!(
                    "{}: marked differs-from-2.8 but .exp equals .nix28",
                    case.id()
                ));
            }
        }
    }
    // Recordings without a case are stale.
    for family in std::fs::read_dir(&corpus).unwrap().flatten() {
        if !family.path().is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(family.path()).unwrap().flatten() {
            let p = entry.path();
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if (ext == "exp" || ext == "nix28") && !case_stems.contains(&p.with_extension("")) {
                problems.push(format!("stale recording without a case: {}", p.display()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "corpus problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_family_is_populated() {
    let corpus = default_corpus_dir();
    for family in [
        "syntax",
        "operators",
        "lazy",
        "errors",
        "cli",
        "builtins-attrs",
        "builtins-lists",
        "builtins-strings",
        "builtins-types",
        "builtins-math",
        "builtins-regex",
        "builtins-json",
        "builtins-toml",
        "builtins-xml",
        "builtins-context",
        "builtins-derivation",
        "builtins-io",
        "builtins-control",
        "builtins-newer",
    ] {
        let dir = corpus.join(family);
        let n = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .flatten()
            .filter(|e| {
                Path::new(&e.file_name())
                    .extension()
                    .is_some_and(|x| x == "nix")
            })
            .count();
        assert!(n > 0, "family {family} has no cases");
    }
}
