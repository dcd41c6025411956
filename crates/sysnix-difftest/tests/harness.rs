//! Self-tests of the harness with fake evaluators (shell scripts), so they
//! need neither Nix nor sysnix.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use sysnix_difftest::{Exit, Expect, Options, TempDir, discover, run_all, run_corpus_with};

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    write(&path, &format!("#!/bin/sh\n{body}"));
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn opts(expect: Expect) -> Options {
    let mut o = Options::new(expect);
    o.filter.clear();
    o
}

const FAKE_EVAL: &str = r#"
echo "args: $*"
echo "cwd: $(pwd)"
echo "home: $HOME"
echo "tz: $TZ"
echo "nixpath: ${NIX_PATH-unset}"
echo "foo: ${FOO-unset}"
echo "trace: t1" >&2
echo "noise" >&2
echo "warning: w" >&2
echo "error: first in $(pwd)" >&2
echo "" >&2
echo "       at $(pwd)/x.nix:1:2:" >&2
echo "            1| source line" >&2
echo "       at $(pwd)/y.nix:3:4:" >&2
echo "error: second" >&2
echo "trace: t2" >&2
exit 3
"#;

#[test]
fn runs_cases_in_clean_environment_and_normalises() {
    let tmp = TempDir::new().unwrap();
    let corpus = tmp.path().join("corpus");
    write(&corpus.join("fam/plain.nix"), "1\n");
    write(
        &corpus.join("fam/flags.nix"),
        "# flags: --eval --argstr x 'a b'\n# env: NIX_PATH=p=./d FOO=bar\n1\n",
    );
    write(&corpus.join("fam/helpers/not-a-case.nix"), "1\n");
    let bin = script(tmp.path(), "fake-eval", FAKE_EVAL);
    let home = TempDir::new().unwrap();
    let cases = discover(&corpus).unwrap();
    assert_eq!(
        cases.iter().map(|c| c.id()).collect::<Vec<_>>(),
        vec!["fam/flags", "fam/plain"]
    );
    let results = run_all(
        &cases,
        &bin,
        &["instantiate"],
        &corpus,
        home.path(),
        &opts(Expect::Sysnix),
    );
    let expected_tail = "stderr:\ntrace: t1\nwarning: w\nerror: first in $CORPUS/fam\nat $CORPUS/fam/x.nix:1:2:\ntrace: t2\n";
    assert_eq!(
        results[0].0,
        format!(
            "exit: 3\nstdout:\nargs: instantiate --eval --argstr x a b ./flags.nix\ncwd: $CORPUS/fam\nhome: $HOME\ntz: UTC\nnixpath: p=./d\nfoo: bar\n{expected_tail}"
        )
    );
    assert_eq!(
        results[1].0,
        format!(
            "exit: 3\nstdout:\nargs: instantiate --eval --strict ./plain.nix\ncwd: $CORPUS/fam\nhome: $HOME\ntz: UTC\nnixpath: unset\nfoo: unset\n{expected_tail}"
        )
    );
}

#[test]
fn compares_against_exp_or_nix28() {
    let tmp = TempDir::new().unwrap();
    let corpus = tmp.path().join("corpus");
    let ok = "exit: 0\nstdout:\nok\nstderr:\n";
    let other = "exit: 0\nstdout:\nother\nstderr:\n";
    write(&corpus.join("a/same.nix"), "x\n");
    write(&corpus.join("a/same.exp"), ok);
    write(
        &corpus.join("b/differs.nix"),
        "# differs-from-2.8: test\nx\n",
    );
    write(&corpus.join("b/differs.exp"), other);
    write(&corpus.join("b/differs.nix28"), ok);
    write(&corpus.join("b/unrecorded.nix"), "x\n");
    let bin = script(tmp.path(), "fake-ok", "echo ok\n");

    let sysnix = run_corpus_with(&bin, &[], &corpus, &opts(Expect::Sysnix));
    assert_eq!((sysnix.passed, sysnix.failed), (1, 2));
    assert_eq!(sysnix.families["a"].passed, 1);
    assert_eq!(sysnix.families["b"].failed, 2);
    let text = sysnix.to_string();
    assert!(text.contains("---- FAIL b/differs"), "{text}");
    assert!(text.contains("- other") && text.contains("+ ok"), "{text}");
    assert!(text.contains("missing"), "{text}");
    assert_eq!(text.lines().last().unwrap(), "corpus: 1 passed, 2 failed");

    let oracle = run_corpus_with(&bin, &[], &corpus, &opts(Expect::Nix28));
    assert_eq!((oracle.passed, oracle.failed), (2, 1));
    assert!(!oracle.is_success());
}

#[test]
fn filter_selects_cases() {
    let tmp = TempDir::new().unwrap();
    let corpus = tmp.path().join("corpus");
    write(&corpus.join("a/one.nix"), "x\n");
    write(&corpus.join("a/two.nix"), "x\n");
    write(&corpus.join("b/one.nix"), "x\n");
    let bin = script(tmp.path(), "fake", "echo\n");
    let mut o = opts(Expect::Sysnix);
    o.filter = vec!["a/one".into(), "b/".into()];
    let r = run_corpus_with(&bin, &[], &corpus, &o);
    assert_eq!(r.passed + r.failed, 2);
}

#[test]
fn hanging_case_times_out_with_its_children() {
    let tmp = TempDir::new().unwrap();
    let corpus = tmp.path().join("corpus");
    write(&corpus.join("a/hang.nix"), "x\n");
    // The grandchild keeps stdout open: the whole process group must die.
    let bin = script(tmp.path(), "fake-hang", "sleep 30 &\nsleep 30\n");
    let home = TempDir::new().unwrap();
    let cases = discover(&corpus).unwrap();
    let mut o = opts(Expect::Sysnix);
    o.timeout = Duration::from_millis(300);
    let start = Instant::now();
    let results = run_all(&cases, &bin, &[], &corpus, home.path(), &o);
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "took {:?}",
        start.elapsed()
    );
    assert!(matches!(results[0].1.exit, Exit::Timeout(_)));
    assert!(
        results[0].0.starts_with("exit: timeout after 0.3s\n"),
        "{}",
        results[0].0
    );
}

#[test]
fn missing_binary_is_a_failure() {
    let tmp = TempDir::new().unwrap();
    let corpus = tmp.path().join("corpus");
    write(&corpus.join("a/x.nix"), "x\n");
    write(&corpus.join("a/x.exp"), "exit: 0\nstdout:\nstderr:\n");
    let r = run_corpus_with(
        Path::new("/nonexistent/bin"),
        &[],
        &corpus,
        &opts(Expect::Sysnix),
    );
    assert_eq!((r.passed, r.failed), (0, 1));
    assert!(r.failures[0].actual.contains("spawn error"));
}

#[test]
fn missing_corpus_is_a_failure() {
    let r = run_corpus_with(
        Path::new("/bin/true"),
        &[],
        Path::new("/nonexistent/corpus"),
        &opts(Expect::Sysnix),
    );
    assert!(!r.is_success());
    assert_eq!(r.summary_line(), "corpus: 0 passed, 1 failed");
}
