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

/// Generated units from a vocabulary of keys and odd values: an assessment or an error,
/// never a panic, and the exposure always within 0..=100.
#[test]
fn odd_values_never_panic() {
    const KEYS: &[&str] = &[
        "User",
        "DynamicUser",
        "CapabilityBoundingSet",
        "AmbientCapabilities",
        "SystemCallFilter",
        "SystemCallArchitectures",
        "RestrictAddressFamilies",
        "RestrictNamespaces",
        "IPAddressDeny",
        "IPAddressAllow",
        "UMask",
        "DeviceAllow",
        "DevicePolicy",
        "ProtectSystem",
        "ProtectHome",
        "Delegate",
        "ProtectProc",
        "RootImage",
        "SupplementaryGroups",
        "KeyringMode",
        "NotifyAccess",
        "Type",
    ];
    const VALUES: &[&str] = &[
        "",
        "~",
        "yes",
        "no",
        "none",
        "~@clock:EPERM",
        "@",
        "@system-service",
        "~x y",
        "'unterminated",
        "\\",
        "0.0.0.0/99",
        "::/0",
        "any",
        "99999999999",
        "0777",
        "-1",
        "CAP_SYS_ADMIN ~CAP_KILL",
        "é",
        "char-rtc r",
        "/dev/null",
        "~user bogus",
        "native",
        "AF_INET ~AF_UNIX",
        "strict",
        "read-only",
        "notify",
        "all",
        "\"a b\"",
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for _ in 0..2000 {
        let mut text = String::from("[Unit]\nDefaultDependencies=no\n[Service]\n");
        for _ in 0..next(8) {
            text.push_str(&format!(
                "{}={}\n",
                KEYS[next(KEYS.len())],
                VALUES[next(VALUES.len())]
            ));
        }
        let a = assess_text("odd.service", &text).unwrap();
        assert!(a.exposure <= 100);
        let _ = (a.render_table(), a.improvements(), a.overall_line());
    }
    for garbage in ["[", "=x", "[Service]\n=", "x=y", "[Service]\n\\", "\u{0}"] {
        let _ = assess_text("g.service", garbage);
    }
}
