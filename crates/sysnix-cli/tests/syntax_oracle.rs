//! sysnix's grammar is Nix's: on generated token sequences (deterministic, a fixed seed),
//! sysnix must reject exactly the programs live `nix-instantiate --parse` (Nix 2.8)
//! rejects, and report the same syntax error (message and position) for each.
//!
//! rnix, the parser sysnix builds on, takes some programs Nix does not (`f x: 1`,
//! `(1 ]`, `{ ''a'' = 1; }`); `compiler/parse_error.rs` finds those. The old
//! `let { … }` as an operand is the one form rnix cannot parse that Nix takes
//! (docs/differences.md), so the generator never writes a bare `let`.

use std::process::Command;

/// Pieces a program is made of: tokens and short phrases from every corner of the
/// grammar (functions, formals, bindings, paths, strings, operators).
const PIECES: &[&str] = &[
    "x",
    "y",
    "f",
    "1",
    "2.5",
    "\"s\"",
    "''s''",
    "./p",
    "~/p",
    "p/q",
    "<p>",
    "a.b",
    "a.${x}",
    "${x}",
    "x:",
    "{ a, ... }:",
    "y@{ a ? 1 }:",
    "let a = 1; in",
    "with {};",
    "assert true;",
    "if true then",
    "then",
    "else",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "rec {",
    "rec",
    "a = 1;",
    "inherit x;",
    "inherit (x) a;",
    "+",
    "-",
    "*",
    "/",
    "++",
    "//",
    "==",
    "!=",
    "<",
    "<=",
    "->",
    "&&",
    "||",
    "!",
    "?",
    "or",
    ".",
    ";",
    ":",
    "@",
    "\"${x}\"",
    "...",
    ",",
    "=",
    "__curPos",
    "x.y or 2",
    "http://u",
    "./p${x}",
    "./p/${x}",
    "\"a${x}b\"",
    "a.\"b\"",
    "in",
    "/* c */",
    "# c\n",
    "\n",
    "'' a ''",
    "-1",
    ".5",
];

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// The first `error:` line and the first `at FILE:LINE:COL:` line after it, when the
/// error is a syntax error.
fn syntax_error(stderr: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(stderr);
    let mut lines = text.lines();
    let error = lines.find(|l| l.starts_with("error:"))?;
    if !error.contains("syntax error") {
        return None;
    }
    let at = lines
        .find(|l| l.trim_start().starts_with("at "))
        .unwrap_or("");
    Some(format!("{error} {}", at.trim()))
}

#[test]
fn syntax_errors_are_nixs() {
    let Some(nix) = sysnix_difftest::suite::oracle_or_skip() else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("sysnix-syntax-oracle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let file = dir.join("p.nix");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut errors, mut same) = (0, 0);
    let mut acceptance = Vec::new();
    let mut messages = Vec::new();
    for _ in 0..400 {
        let n = 1 + rng.below(6);
        let program: Vec<&str> = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        let program = program.join(" ");
        std::fs::write(&file, &program).expect("write program");
        let theirs = Command::new(&nix)
            .arg("--parse")
            .arg(&file)
            .output()
            .expect("nix-instantiate runs");
        let ours = Command::new(env!("CARGO_BIN_EXE_sysnix"))
            .args(["instantiate", "--eval"])
            .arg(&file)
            .output()
            .expect("sysnix runs");
        assert_ne!(
            ours.status.code(),
            Some(101),
            "sysnix panicked on {program:?}"
        );
        let (theirs, ours) = (syntax_error(&theirs.stderr), syntax_error(&ours.stderr));
        if theirs.is_some() != ours.is_some() {
            acceptance.push(format!(
                "{program:?}\n  nix:    {theirs:?}\n  sysnix: {ours:?}"
            ));
        } else if let (Some(t), Some(o)) = (theirs, ours) {
            errors += 1;
            let path = file.to_string_lossy();
            let (t, o) = (t.replace(&*path, "P"), o.replace(&*path, "P"));
            if t == o {
                same += 1;
            } else {
                messages.push(format!("{program:?}\n  nix:    {t}\n  sysnix: {o}"));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        acceptance.is_empty(),
        "sysnix and Nix disagree on whether these are syntax errors:\n{}",
        acceptance.join("\n")
    );
    eprintln!("{same} of {errors} syntax errors agree with Nix's");
    // The generator must reach syntax errors often, or this checks little.
    assert!(errors >= 200, "only {errors} syntax errors generated");
    assert!(
        messages.is_empty(),
        "{same} of {errors} syntax errors agree; these do not:\n{}",
        messages.join("\n")
    );
}
