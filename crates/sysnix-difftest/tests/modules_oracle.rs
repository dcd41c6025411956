//! The recordings of tests/modules (the module system suite) are honest: a
//! live Nix 2.8 `nix-instantiate` evaluating the same lib must reproduce
//! every `.exp`, with no failure allowed. With `CI=true` a missing
//! `nix-instantiate` fails this test instead of skipping it.

use std::path::Path;

use sysnix_difftest::Expect;
use sysnix_difftest::suite::{check_suite, oracle_or_skip};

#[test]
fn live_oracle_matches_modules_recordings() {
    let Some(oracle) = oracle_or_skip() else {
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/modules");
    check_suite(&oracle, &[], &dir, Expect::Nix28, None, 200);
}

/// Every case has its recording, no recording is left without its case, no
/// case claims to differ from Nix 2.8 (the module system is plain Nix, so
/// Nix 2.8 is the reference everywhere), every family is populated, and
/// KNOWN_FAILURES only names existing cases.
#[test]
fn modules_suite_is_well_formed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/modules")
        .canonicalize()
        .expect("tests/modules exists");
    let cases = sysnix_difftest::discover(&dir).expect("tests/modules readable");
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
                "{}: module cases must agree with Nix 2.8 (no differs-from-2.8)",
                case.id()
            ));
        }
    }
    for family in std::fs::read_dir(&dir).unwrap().flatten() {
        if !family.path().is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(family.path()).unwrap().flatten() {
            let p = entry.path();
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if (ext == "exp" || ext == "nix28") && !stems.contains(&p.with_extension("")) {
                problems.push(format!("stale recording without a case: {}", p.display()));
            }
        }
    }
    for family in [
        "basics",
        "types",
        "priorities",
        "order",
        "mkif",
        "submodules",
        "imports",
        "errors",
        "renamed",
        "freeform",
        "laziness",
        "nixos-patterns",
        "docs",
        "assertions",
    ] {
        if !cases.iter().any(|c| c.family == family) {
            problems.push(format!("family {family} has no cases"));
        }
    }
    let known = sysnix_difftest::suite::known_failures(&dir.join("KNOWN_FAILURES"));
    for id in known.keys() {
        if !ids.contains(id) {
            problems.push(format!("KNOWN_FAILURES names {id}, which is not a case"));
        }
    }
    assert!(
        problems.is_empty(),
        "tests/modules problems:\n{}",
        problems.join("\n")
    );
}
