//! A value that contains itself (`let x = { a = x; }; in x`) printed as JSON or XML,
//! compared with another such value or made into a string nests without end. Nix stops
//! with a stack overflow error; sysnix must too: a clean error and exit status 1, never
//! a crash, a hang or unbounded output. Recursion that ends, even well past the depth
//! where Nix overflows, evaluates.

use std::process::Command;
use std::time::{Duration, Instant};

fn run(args: &[&str]) -> (Option<i32>, String, usize) {
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_sysnix"))
        .args(args)
        .output()
        .expect("sysnix runs");
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{args:?} took {:?}",
        started.elapsed()
    );
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.stdout.len(),
    )
}

const CYCLE: &str = "let x = { a = x; l = [ x ]; }; in ";

#[test]
fn printing_a_value_that_contains_itself_stops_with_an_error() {
    let cases: [(&[&str], &str); 8] = [
        (&["instantiate", "--eval", "--strict", "--json", "-E"], "x"),
        (&["instantiate", "--eval", "--xml", "-E"], "x"),
        (
            &["instantiate", "--eval", "--strict", "-E"],
            "builtins.toJSON x",
        ),
        (
            &["instantiate", "--eval", "--strict", "-E"],
            "builtins.toXML x",
        ),
        (&["eval", "--strict", "--json", "-E"], "[ x ]"),
        // Comparing two such values, or making a string of one, recurses as well.
        (&["eval", "-E"], "let y = { a = y; l = [ y ]; }; in x == y"),
        (&["eval", "-E"], "let y = [ y ]; z = [ z ]; in y == z"),
        (&["eval", "-E"], "let y = [ y ]; in toString y"),
    ];
    for (args, expr) in cases {
        let expr = format!("{CYCLE}{expr}");
        let mut all: Vec<&str> = args.to_vec();
        all.push(&expr);
        let (code, stderr, stdout_len) = run(&all);
        assert_eq!(code, Some(1), "{all:?}: {stderr}");
        assert!(
            stderr.contains("error: stack overflow (possible infinite recursion)"),
            "{all:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{all:?}: {stderr}");
        // The partial document printed before the error stays bounded.
        assert!(stdout_len < 64 << 20, "{all:?}: {stdout_len} bytes");
    }
    // Printing it as Nix values shows the repetition and succeeds.
    let (code, stderr, _) = run(&[
        "instantiate",
        "--eval",
        "--strict",
        "-E",
        &format!("{CYCLE}x"),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
}

/// Deep recursion that ends evaluates: a right fold written as lib's `foldr` is (one
/// level of the evaluator's stack per element). An optimised build goes 100 000 deep,
/// where Nix 2.8 stops with a stack overflow before 50 000; each level's frames must
/// stay small (before they were cut, in session 24, this overflowed at about 95 000).
/// An unoptimised build (`cargo test` without `--release`, as CI runs it) has frames
/// about seventeen times as big and reaches about 7 000: it is checked at 5 000.
#[test]
fn deep_recursion_that_ends_evaluates() {
    let depth = if cfg!(debug_assertions) {
        5_000
    } else {
        100_000
    };
    let expr = format!(
        "let op = x: acc: x + acc; \
         f = n: if n == {depth} then 0 else op n (f (n + 1)); in f 0"
    );
    let (code, stderr, _) = run(&["eval", "-E", &expr]);
    assert_eq!(code, Some(0), "{stderr}");
    // And past the stack: a clean error, no crash.
    let expr = "let f = n: if n == 10000000 then 0 else n + f (n + 1); in f 0";
    let (code, stderr, _) = run(&["eval", "-E", expr]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("error: stack overflow (possible infinite recursion)"),
        "{stderr}"
    );
}
