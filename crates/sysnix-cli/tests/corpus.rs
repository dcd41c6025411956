//! The differential corpus: every case under tests/corpus/ evaluated by sysnix must give
//! exactly what nix-instantiate 2.8 gave (recorded in the case's `.exp`).

use std::path::Path;

#[test]
fn corpus_matches_recordings() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let report = sysnix_difftest::run_corpus(
        Path::new(env!("CARGO_BIN_EXE_sysnix")),
        &["instantiate"],
        &corpus,
        sysnix_difftest::Expect::Sysnix,
    );
    report.print();
    assert!(report.is_success(), "{}", report.summary_line());
}
