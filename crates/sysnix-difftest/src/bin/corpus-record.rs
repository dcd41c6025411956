//! `corpus-record [--force] [--corpus DIR] [--oracle BIN] [PATHS...]`
//!
//! Runs Nix 2.8's `nix-instantiate` (from PATH unless `--oracle` is given) on
//! corpus cases and writes their recordings: `<name>.exp`, or `<name>.nix28`
//! for cases marked `# differs-from-2.8:` (whose `.exp` is written by hand).
//! Without `--force` only cases lacking that recording are run. PATHS (case
//! files or folders) restrict the cases considered.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sysnix_difftest::{Case, Exit, Expect, Options, TempDir, discover, run_all};

fn usage() -> ExitCode {
    eprintln!("usage: corpus-record [--force] [--corpus DIR] [--oracle BIN] [PATHS...]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut force = false;
    let mut corpus = sysnix_difftest::default_corpus_dir();
    let mut oracle: Option<PathBuf> = None;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--force" | "-f" => force = true,
            "--corpus" => match args.next() {
                Some(d) => corpus = PathBuf::from(d),
                None => return usage(),
            },
            "--oracle" => match args.next() {
                Some(b) => oracle = Some(PathBuf::from(b)),
                None => return usage(),
            },
            "-h" | "--help" => {
                usage();
                return ExitCode::SUCCESS;
            }
            s if s.starts_with('-') => return usage(),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let Some(oracle) = oracle.or_else(|| sysnix_difftest::find_on_path("nix-instantiate")) else {
        eprintln!("corpus-record: nix-instantiate not found on PATH");
        return ExitCode::FAILURE;
    };
    let corpus = match corpus.canonicalize() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("corpus-record: {}: {e}", corpus.display());
            return ExitCode::FAILURE;
        }
    };
    let mut roots = Vec::new();
    for p in &paths {
        match p.canonicalize() {
            Ok(c) => roots.push(c),
            Err(e) => {
                eprintln!("corpus-record: {}: {e}", p.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let cases = match discover(&corpus) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("corpus-record: {e}");
            return ExitCode::FAILURE;
        }
    };
    let selected: Vec<Case> = cases
        .into_iter()
        .filter(|c| roots.is_empty() || roots.iter().any(|r| c.path.starts_with(r)))
        .filter(|c| force || !c.expected_path(Expect::Nix28).exists())
        .collect();
    let home = match TempDir::new() {
        Ok(h) => h,
        Err(e) => {
            eprintln!("corpus-record: temporary HOME: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut opts = Options::new(Expect::Nix28);
    opts.filter.clear();
    let results = run_all(&selected, &oracle, &[], &corpus, home.path(), &opts);
    let mut status = ExitCode::SUCCESS;
    let mut changed = 0;
    for (case, (text, raw)) in selected.iter().zip(results) {
        if matches!(
            raw.exit,
            Exit::Timeout(_) | Exit::SpawnError(_) | Exit::Signal(_)
        ) {
            eprintln!("corpus-record: {}: {} (not recorded)", case.id(), raw.exit);
            status = ExitCode::FAILURE;
            continue;
        }
        let target = case.expected_path(Expect::Nix28);
        let old = std::fs::read_to_string(&target).ok();
        if old.as_deref() == Some(text.as_str()) {
            continue;
        }
        if let Err(e) = std::fs::write(&target, &text) {
            eprintln!("corpus-record: {}: {e}", target.display());
            status = ExitCode::FAILURE;
            continue;
        }
        changed += 1;
        let verb = if old.is_some() { "updated" } else { "recorded" };
        println!("{verb} {}", rel(&corpus, &target));
        if case.differs_from_28.is_some() && !case.exp_path().exists() {
            eprintln!(
                "corpus-record: {} is marked differs-from-2.8: write {} by hand",
                case.id(),
                rel(&corpus, &case.exp_path())
            );
        }
    }
    println!(
        "corpus-record: {} cases run, {changed} recordings written",
        selected.len()
    );
    status
}

fn rel(corpus: &Path, p: &Path) -> String {
    p.strip_prefix(corpus).unwrap_or(p).display().to_string()
}
