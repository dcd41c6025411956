//! What every evaluating verb shares: an evaluator set up with the search path as
//! nix-instantiate sets it up (plus sysnix's built-in `<sysnix/lib>`), errors rendered as
//! Nix renders them, and output written in one piece.

use std::io::Write;
use std::process::ExitCode;
use sysnix_eval::{Eval, EvalError, EvalOptions};

/// An evaluator whose search path is `-I` entries, then `NIX_PATH`, then sysnix's own lib
/// as `sysnix` (so `-I sysnix=DIR` overrides the built-in copy).
pub fn evaluator(include: &[String], show_trace: bool) -> Eval {
    evaluator_with(include, show_trace, |_| {})
}

/// [`evaluator`] with further settings (the store dir, the host package database).
pub fn evaluator_with(
    include: &[String],
    show_trace: bool,
    customise: impl FnOnce(&mut EvalOptions),
) -> Eval {
    let mut nix_path = include.to_vec();
    if let Ok(p) = std::env::var("NIX_PATH") {
        nix_path.extend(sysnix_eval::support::search_path::parse_nix_path(&p));
    }
    let mut builtin_paths = Vec::new();
    let cache = sysnix_lib::default_cache_dir();
    match sysnix_lib::materialise(&cache) {
        Ok(root) => builtin_paths.push(("sysnix".to_string(), root.display().to_string())),
        Err(e) => eprintln!(
            "warning: cannot write sysnix's lib to {}: {e}; <sysnix/lib> is unavailable (set XDG_CACHE_HOME to a writable directory)",
            cache.display()
        ),
    }
    let mut opts = EvalOptions {
        nix_path,
        builtin_paths,
        show_trace,
        ..EvalOptions::default()
    };
    customise(&mut opts);
    Eval::new(opts)
}

/// Prints an evaluation error as Nix does (with its trace when asked) and returns exit
/// status 1.
pub fn report(ev: &Eval, e: &EvalError, show_trace: bool) -> ExitCode {
    let text = e.render(&ev.sources, show_trace);
    sysnix_eval::log::log(text.strip_suffix('\n').unwrap_or(&text));
    ExitCode::from(1)
}

/// Prints `error: <message>` (a failure outside evaluation) and returns exit status 1.
pub fn fail(message: &str) -> ExitCode {
    sysnix_eval::log::log(&format!("error: {message}"));
    ExitCode::from(1)
}

/// Ends the process at once with `code`, once stdout is flushed: no exit handlers run.
/// `std::process::exit` runs them, and mimalloc's walks every page of the heap to free
/// it (5% of the `fixpoint` benchmark's time), which the kernel does for free.
pub fn exit_now(code: i32) -> ! {
    let _ = std::io::stdout().lock().flush();
    let _ = std::io::stderr().lock().flush();
    #[cfg(feature = "pgo-instrument")]
    {
        unsafe extern "C" {
            /// LLVM's profiling runtime: writes the counts to the profile file (it
            /// would from an exit handler).
            fn __llvm_profile_write_file() -> i32;
        }
        // SAFETY: present in a build with -Cprofile-generate, which is the only one
        // with this feature (scripts/dist.sh).
        unsafe { __llvm_profile_write_file() };
    }
    // SAFETY: `_exit` ends the process; nothing of ours is left to run, and both
    // standard streams are flushed.
    unsafe { libc::_exit(code) }
}

/// Writes `text` to stdout; a closed pipe (`| head`) is not an error.
pub fn print(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
    ExitCode::SUCCESS
}
