//! Every unit under `tests/units/` assessed by sysnix and by `systemd-analyze security
//! --offline=true` (systemd 252): the overall exposure and level, and for every row the
//! check's name, its mark (✓/✗/n/a) and its share of the exposure, must be equal.

mod oracle;

use std::path::PathBuf;

#[test]
fn units_agree_with_systemd_analyze() {
    let Some(analyze) = oracle::systemd_analyze() else {
        return;
    };
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/units");
    let mut units: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "service"))
        .collect();
    units.sort();
    assert!(units.len() >= 50, "only {} units", units.len());

    let mut failures = Vec::new();
    for unit in &units {
        let name = unit.file_name().unwrap().to_string_lossy().to_string();
        let ours = sysnix_security::assess_file(unit).unwrap_or_else(|e| panic!("{e}"));
        let ours = oracle::from_sysnix_json(&serde_json::to_value(&ours).unwrap());
        match oracle::oracle(&analyze, unit) {
            Ok(theirs) => failures.extend(oracle::differences(&name, &ours, &theirs)),
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    eprintln!("compared {} units with systemd-analyze", units.len());
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
