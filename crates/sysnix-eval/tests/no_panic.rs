//! Robustness: programs made by mutating the corpus cases (bytes deleted, duplicated,
//! swapped, or replaced by Nix tokens) must never panic the parser or evaluator, and each
//! must finish within a time limit. Deterministic: a fixed-seed xorshift generator.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "{", "}", "(", ")", "[", "]", ";", ":", "=", "@", "...", "?", "//", "++", "+", "-", "*", "/",
    "==", "!=", "<", "&&", "||", "->", "!", ".", "or", "rec", "let", "in", "with", "inherit", "if",
    "then", "else", "assert", "x", "\"", "''", "${", "./a", "<n>", "1", "1.5", "null", "true",
    "builtins", "import", "__curPos", "#", "/*",
    // Whole interpolations: after a path and a space, one once made rnix's reader panic.
    "${x}", "./a${x}",
];

fn mutate(src: &str, rng: &mut Rng) -> String {
    let mut bytes: Vec<u8> = src.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(4) {
            0 if !bytes.is_empty() => {
                let end = (at + 1 + rng.below(8)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                bytes.splice(at..at, format!(" {t} ").into_bytes());
            }
            2 if bytes.len() > 2 => {
                let a = rng.below(bytes.len());
                let b = rng.below(bytes.len());
                bytes.swap(a, b);
            }
            _ => {
                let end = (at + rng.below(16)).min(bytes.len());
                let chunk = bytes[at.min(end)..end].to_vec();
                bytes.splice(at..at, chunk);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn corpus_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut out = Vec::new();
    for fam in std::fs::read_dir(&root).expect("corpus exists").flatten() {
        if let Ok(entries) = std::fs::read_dir(fam.path()) {
            for e in entries.flatten() {
                if e.path().extension().is_some_and(|x| x == "nix") {
                    out.push(e.path());
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
fn mutated_programs_never_panic_or_hang() {
    let files = corpus_files();
    assert!(files.len() > 500, "the corpus should be there");
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let mut programs = Vec::new();
    for i in 0..1500 {
        let f = &files[rng.below(files.len())];
        let src = std::fs::read_to_string(f).unwrap_or_default();
        programs.push((
            f.parent().map(Path::to_path_buf).unwrap_or_default(),
            mutate(&src, &mut rng),
            i,
        ));
    }
    let (tx, rx) = mpsc::channel();
    let total = programs.len();
    std::thread::spawn(move || {
        sysnix_eval::with_big_stack(move || {
            for (dir, src, i) in programs {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let mut ev = sysnix_eval::Eval::new(Default::default());
                    if let Ok(v) = ev.eval_string(&src, &dir) {
                        let _ = ev.force_deep(&v);
                    }
                }));
                if tx.send((i, result.is_ok(), src)).is_err() {
                    return;
                }
            }
        })
    });
    let mut done = 0;
    while done < total {
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok((i, ok, src)) => {
                assert!(ok, "program {i} panicked:\n{src}");
                done += 1;
            }
            Err(_) => panic!("a program hung (more than 20 s) after {done} of {total}"),
        }
    }
}
