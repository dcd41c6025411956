//! The recordings of tests/lib (the Nix library suite) are honest: a live
//! Nix 2.8 `nix-instantiate` must reproduce every `.exp`. With `CI=true` a
//! missing `nix-instantiate` fails this test instead of skipping it.

use std::path::Path;

use sysnix_difftest::Expect;
use sysnix_difftest::suite::{check_suite, oracle_or_skip};

#[test]
fn live_oracle_matches_lib_recordings() {
    let Some(oracle) = oracle_or_skip() else {
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/lib");
    check_suite(&oracle, &[], &dir, Expect::Nix28, None, 250);
}

#[test]
fn lib_suite_is_well_formed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/lib")
        .canonicalize()
        .expect("tests/lib exists");
    let cases = sysnix_difftest::discover(&dir).expect("tests/lib readable");
    let mut problems = Vec::new();
    let mut stems = std::collections::BTreeSet::new();
    for case in &cases {
        stems.insert(case.path.with_extension(""));
        if !case.exp_path().is_file() {
            problems.push(format!("{}: missing .exp", case.id()));
        }
        if case.differs_from_28.is_some() {
            problems.push(format!(
                "{}: lib cases must agree with Nix 2.8 (no differs-from-2.8)",
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
    assert!(
        problems.is_empty(),
        "tests/lib problems:\n{}",
        problems.join("\n")
    );
}
