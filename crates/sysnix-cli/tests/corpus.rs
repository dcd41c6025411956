//! The differential corpus: every case under tests/corpus/ evaluated by sysnix must give
//! exactly what nix-instantiate 2.8 gave (recorded in the case's `.exp`).
//!
//! Cases sysnix does not match yet are listed, each with its reason, in
//! tests/corpus/KNOWN_FAILURES. Any other failure fails this test; a listed case that
//! now passes is reported so the list can shrink.

use std::path::Path;

#[test]
fn corpus_matches_recordings() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    sysnix_difftest::suite::check_suite(
        Path::new(env!("CARGO_BIN_EXE_sysnix")),
        &["instantiate"],
        &corpus,
        sysnix_difftest::Expect::Sysnix,
        Some(&corpus.join("KNOWN_FAILURES")),
        550,
    );
}
