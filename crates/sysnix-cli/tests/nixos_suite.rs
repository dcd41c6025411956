//! tests/nixos: small configurations and the facts their evaluation must give (unit texts,
//! manifests, assertion and type errors), checked with sysnix and with nix-instantiate 2.8
//! on the same files (the OS modules are plain Nix, so C++ Nix is an oracle for them).
//! The runner is tests/nixos/run.py (format in tests/nixos/README.md).

use std::process::Command;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn run_suite(extra: &[&str]) {
    let out = Command::new("python3")
        .arg(format!("{ROOT}/tests/nixos/run.py"))
        .args(extra)
        .current_dir(ROOT)
        .output()
        .expect("python3 runs tests/nixos/run.py");
    assert!(
        out.status.success(),
        "tests/nixos failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn nixos_cases_hold_with_sysnix() {
    run_suite(&["--eval", env!("CARGO_BIN_EXE_sysnix")]);
}

#[test]
fn nixos_cases_hold_with_nix_instantiate() {
    let have = Command::new("nix-instantiate")
        .arg("--version")
        .output()
        .is_ok();
    if !have {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "nix-instantiate is required in CI (.ci/run installs nix-bin)"
        );
        eprintln!("skipping: nix-instantiate is not installed");
        return;
    }
    run_suite(&[]);
}
