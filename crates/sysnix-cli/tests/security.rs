//! `sysnix security` on the units sysnix's own modules generate: the examples and the
//! verbatim NixOS modules (tests/upstream-modules) are built into a fresh store, and
//! `sysnix security --json` must agree with `systemd-analyze security --offline=true`
//! (systemd 252) on every `.service` of each system. Also: unit files given directly,
//! --threshold as a gate, and errors.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{TempDir, text};

#[path = "../../sysnix-security/tests/oracle/mod.rs"]
mod oracle;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn sysnix(store: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sysnix"))
        .args(args)
        .env("SYSNIX_STORE", store)
        .output()
        .expect("running sysnix")
}

/// The configurations whose services are compared.
fn configurations() -> Vec<String> {
    let mut v: Vec<String> = ["your_app", "nbd", "homelab"]
        .iter()
        .map(|d| format!("{ROOT}/examples/{d}/configuration.nix"))
        .collect();
    for name in ["nbd", "iperf3", "memcached", "rsyncd"] {
        v.push(format!("{ROOT}/tests/upstream-modules/{name}.conf.nix"));
    }
    v
}

#[test]
fn generated_services_agree_with_systemd_analyze() {
    let Some(analyze) = oracle::systemd_analyze() else {
        return;
    };
    let scratch = TempDir::new("security", "generated");
    let store = scratch.join("store");
    let mut compared = BTreeSet::new();
    let mut failures = Vec::new();
    for conf in configurations() {
        let built = sysnix(&store, &["build", "-c", &conf, "--no-out-link"]);
        assert!(
            built.status.success(),
            "building {conf}:\n{}",
            text(&built.stderr)
        );
        let top = PathBuf::from(text(&built.stdout).trim());
        let out = sysnix(&store, &["security", "-c", &conf, "--json"]);
        assert!(
            out.status.success(),
            "sysnix security -c {conf}:\n{}",
            text(&out.stderr)
        );
        let assessments: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("--json prints JSON");
        let assessments = assessments.as_array().expect("an array");
        assert!(!assessments.is_empty(), "{conf} has services");
        for a in assessments {
            let unit = a["unit"].as_str().expect("unit").to_string();
            let path = top.join("etc/systemd/system").join(&unit);
            let ours = oracle::from_sysnix_json(a);
            match oracle::oracle(&analyze, &path) {
                Ok(theirs) => failures.extend(oracle::differences(&unit, &ours, &theirs)),
                Err(e) => failures.push(format!("{unit}: {e}")),
            }
            // Distinct units: the same text in two systems counts once.
            compared.insert(std::fs::read_to_string(&path).expect("unit text"));
        }
    }
    eprintln!(
        "compared {} distinct generated units with systemd-analyze",
        compared.len()
    );
    assert!(
        compared.len() >= 10,
        "only {} distinct units",
        compared.len()
    );
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn unit_file(name: &str) -> String {
    format!("{ROOT}/crates/sysnix-security/tests/units/{name}")
}

#[test]
fn unit_files_print_a_table_each_and_a_summary() {
    let scratch = TempDir::new("security", "files");
    let (bare, hardened) = (unit_file("bare.service"), unit_file("hardened.service"));
    let out = sysnix(&scratch.join("store"), &["security", &bare, &hardened]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("→ Overall exposure level for bare.service: 9.6 UNSAFE"));
    assert!(stdout.contains("→ Overall exposure level for hardened.service: 0.1 SAFE"));
    assert!(stdout.contains("✗ PrivateNetwork="), "{stdout}");
    // The summary, most exposed first.
    let summary: Vec<&str> = stdout
        .lines()
        .skip_while(|l| !l.starts_with("UNIT"))
        .collect();
    assert!(summary[1].starts_with("bare.service") && summary[2].starts_with("hardened.service"));
}

#[test]
fn threshold_fails_above_it_and_names_the_units() {
    let scratch = TempDir::new("security", "threshold");
    let store = scratch.join("store");
    let bare = unit_file("bare.service");
    let hardened = unit_file("hardened.service");
    let out = sysnix(&store, &["security", &bare, &hardened, "--threshold", "50"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("bare.service has exposure 9.6"), "{stderr}");
    assert!(
        stderr.contains("PrivateNetwork="),
        "names the biggest fix: {stderr}"
    );
    assert!(!stderr.contains("hardened.service"), "{stderr}");
    let ok = sysnix(&store, &["security", &hardened, "--threshold", "1"]);
    assert!(
        ok.status.success(),
        "0.1 is not above 1: {}",
        text(&ok.stderr)
    );
    let bad = sysnix(&store, &["security", &hardened, "--threshold", "101"]);
    assert_eq!(bad.status.code(), Some(2), "clap rejects it");
}

#[test]
fn errors_say_what_is_wrong() {
    let scratch = TempDir::new("security", "errors");
    let store = scratch.join("store");
    let unit = scratch.join("broken.service");
    std::fs::write(&unit, "[Service]\nExecStart=/bin/true\nProtectSystem\n").unwrap();
    let out = sysnix(&store, &["security", unit.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("broken.service:3: missing '='"), "{stderr}");

    let conf = format!("{ROOT}/examples/nbd/configuration.nix");
    let out = sysnix(&store, &["security", "-c", &conf, "no-such-unit"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("no unit 'no-such-unit.service'") && stderr.contains("nbd-server.service"),
        "{stderr}"
    );
    let picked = sysnix(&store, &["security", "-c", &conf, "nbd-server", "--json"]);
    assert!(picked.status.success(), "{}", text(&picked.stderr));
    let json: serde_json::Value = serde_json::from_slice(&picked.stdout).unwrap();
    assert_eq!(json[0]["unit"], "nbd-server.service");
    assert_eq!(json.as_array().unwrap().len(), 1);
}
