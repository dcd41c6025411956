//! The recordings of tests/lib (the Nix library suite) are honest: a live
//! Nix 2.8 `nix-instantiate` must reproduce every `.exp`. With `CI=true` a
//! missing `nix-instantiate` fails this test instead of skipping it.

use std::path::Path;

use sysnix_difftest::Expect;
use sysnix_difftest::suite::{check_suite, oracle_or_skip, well_formed_problems};

#[test]
fn live_oracle_matches_lib_recordings() {
    let Some(oracle) = oracle_or_skip() else {
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/lib");
    check_suite(&oracle, &[], &dir, Expect::Nix28, None, 250);
}

/// Every case has its recording, no recording is left without its case, no case claims
/// to differ from Nix 2.8, and KNOWN_FAILURES only names existing cases.
#[test]
fn lib_suite_is_well_formed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/lib")
        .canonicalize()
        .expect("tests/lib exists");
    let problems = well_formed_problems(&dir, &[]);
    assert!(
        problems.is_empty(),
        "tests/lib problems:\n{}",
        problems.join("\n")
    );
}
