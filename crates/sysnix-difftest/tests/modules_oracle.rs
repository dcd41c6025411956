//! The recordings of tests/modules (the module system suite) are honest: a
//! live Nix 2.8 `nix-instantiate` evaluating the same lib must reproduce
//! every `.exp`, with no failure allowed. With `CI=true` a missing
//! `nix-instantiate` fails this test instead of skipping it.

use std::path::Path;

use sysnix_difftest::Expect;
use sysnix_difftest::suite::{check_suite, oracle_or_skip, well_formed_problems};

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
    let families = [
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
    ];
    let problems = well_formed_problems(&dir, &families);
    assert!(
        problems.is_empty(),
        "tests/modules problems:\n{}",
        problems.join("\n")
    );
}
