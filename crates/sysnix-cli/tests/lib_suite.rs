//! The Nix library (lib/) under sysnix: every case of tests/lib must give what
//! nix-instantiate 2.8 gave running the same lib (recorded in the case's
//! `.exp`). Cases sysnix does not match yet are listed, each with its reason,
//! in tests/lib/KNOWN_FAILURES; any other failure fails this test.

use std::path::Path;

#[test]
fn lib_suite_matches_recordings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/lib");
    sysnix_difftest::suite::check_suite(
        Path::new(env!("CARGO_BIN_EXE_sysnix")),
        &["instantiate"],
        &dir,
        sysnix_difftest::Expect::Sysnix,
        Some(&dir.join("KNOWN_FAILURES")),
        250,
    );
}
