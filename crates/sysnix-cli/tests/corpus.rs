//! The differential corpus: every case under tests/corpus/ evaluated by sysnix must give
//! exactly what nix-instantiate 2.8 gave (recorded in the case's `.exp`).
//!
//! Cases sysnix does not match yet are listed, each with its reason, in
//! tests/corpus/KNOWN_FAILURES. Any other failure fails this test; a listed case that
//! now passes is reported so the list can shrink.

use std::collections::BTreeMap;
use std::path::Path;

fn known_failures(corpus: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(corpus.join("KNOWN_FAILURES")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('#') {
            Some((id, why)) => (id.trim().to_string(), why.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

#[test]
fn corpus_matches_recordings() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let report = sysnix_difftest::run_corpus(
        Path::new(env!("CARGO_BIN_EXE_sysnix")),
        &["instantiate"],
        &corpus,
        sysnix_difftest::Expect::Sysnix,
    );
    let known = known_failures(&corpus);
    let mut unexpected = Vec::new();
    for f in &report.failures {
        if !known.contains_key(&f.id) {
            println!("---- FAIL {}\n     {}\n{}", f.id, f.command, f.diff());
            unexpected.push(f.id.clone());
        }
    }
    let failed: Vec<&String> = report.failures.iter().map(|f| &f.id).collect();
    let fixed: Vec<&String> = known.keys().filter(|k| !failed.contains(k)).collect();
    for id in &fixed {
        println!("note: {id} is listed in KNOWN_FAILURES but passes now: remove it from the list");
    }
    assert!(
        report.errors.is_empty(),
        "corpus problems: {:?}",
        report.errors
    );
    println!(
        "corpus: {} cases, {} match Nix 2.8, {} known differences (tests/corpus/KNOWN_FAILURES), {} unexpected",
        report.passed + report.failed,
        report.passed,
        report.failed - unexpected.len(),
        unexpected.len()
    );
    assert!(
        unexpected.is_empty(),
        "cases that no longer match Nix 2.8: {unexpected:?}"
    );
}
