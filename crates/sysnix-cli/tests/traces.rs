//! `--show-trace` frames against the live oracle. The corpus compares only an error's
//! first line and position; the cases named `trace-*` under tests/corpus/errors/ are
//! also run here with `--show-trace` through sysnix and nix-instantiate 2.8, whose
//! whole standard error (every frame, its wording and position) must agree.

use std::path::Path;
use std::process::Command;

#[test]
fn trace_frames_match_nix() {
    let Some(nix) = sysnix_difftest::suite::oracle_or_skip() else {
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/corpus/errors")
        .canonicalize()
        .expect("tests/corpus/errors");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus/errors")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with("trace-") && name.ends_with(".nix")
        })
        .collect();
    cases.sort();
    assert!(cases.len() >= 5, "trace cases missing: {cases:?}");
    let run = |program: &Path, pre: &[&str], case: &Path| {
        let out = Command::new(program)
            .args(pre)
            .args(["--eval", "--strict", "--show-trace"])
            .arg(case)
            .env_remove("NIX_PATH")
            .output()
            .expect("runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let sysnix = Path::new(env!("CARGO_BIN_EXE_sysnix"));
    let mut failures = Vec::new();
    for case in &cases {
        let want = run(&nix, &[], case);
        let got = run(sysnix, &["instantiate"], case);
        // The `path` and `call` cases have frames; the others show where there is none.
        let framed = ["-path-", "-call-"]
            .iter()
            .any(|k| case.to_string_lossy().contains(k));
        assert_eq!(
            want.1.contains("while evaluating"),
            framed,
            "{}: not the case it claims to be",
            case.display()
        );
        if want != got {
            failures.push(format!(
                "{}:\n--- nix-instantiate ({:?})\n{}\n--- sysnix ({:?})\n{}",
                case.display(),
                want.0,
                want.1,
                got.0,
                got.1
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
