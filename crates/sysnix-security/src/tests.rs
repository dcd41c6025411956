use super::*;

#[test]
fn bare_service_is_unsafe() {
    let a = assess_text("bare.service", "[Service]\nExecStart=/bin/true\n").unwrap();
    assert_eq!(a.exposure, 96);
    assert_eq!(a.level(), "UNSAFE");
    assert_eq!(
        a.overall_line(),
        "→ Overall exposure level for bare.service: 9.6 UNSAFE 😨"
    );
    let network = a.rows.iter().find(|r| r.name == "PrivateNetwork=").unwrap();
    assert_eq!(
        (network.verdict, network.exposure_text().as_str()),
        (Verdict::Bad, "0.5")
    );
    let groups = a
        .rows
        .iter()
        .find(|r| r.name == "SupplementaryGroups=")
        .unwrap();
    assert_eq!(groups.verdict, Verdict::NotApplicable);
}

#[test]
fn improvements_rank_the_biggest_fix_first() {
    let a = assess_text("bare.service", "[Service]\nExecStart=/bin/true\n").unwrap();
    let first = a.improvements()[0];
    assert_eq!(first.name, "PrivateNetwork=");
    assert!(a.exposure_if_fixed(first) < a.exposure);
}

#[test]
fn malformed_text_names_the_line() {
    let err = assess_text(
        "x.service",
        "[Service]\nExecStart=/bin/true\nnot an assignment\n",
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "x.service:3: missing '=' in \"not an assignment\""
    );
    assert!(assess_text("no-suffix", "[Service]\n").is_err());
}

#[test]
fn table_lists_every_row() {
    let a = assess_text("bare.service", "[Service]\nExecStart=/bin/true\n").unwrap();
    let table = a.render_table();
    assert_eq!(table.lines().count(), a.rows.len() + 1);
    assert!(table.starts_with("  NAME"));
}
