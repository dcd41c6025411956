//! The `sysnix` command line: a thin layer over the library crates, one file per verb
//! under `command/`.

mod alloc;
mod command;
mod session;

use clap::Parser;
use std::process::ExitCode;

#[global_allocator]
static GLOBAL: alloc::MiMalloc = alloc::MiMalloc;

/// Sets a mimalloc option unless its environment variable is set; returns whether it
/// did. Options are read when mimalloc initialises, before `main` (a Rust program
/// allocates before it), so `mi_option_set_default` would come too late;
/// `mi_option_set` takes effect for the allocations and purges that follow.
fn set_mimalloc_option(option: libmimalloc_sys::mi_option_t, env: &str, value: i64) -> bool {
    let unset = std::env::var_os(env).is_none();
    if unset {
        // SAFETY: sets an option; mimalloc reads it on its next decision.
        unsafe { libmimalloc_sys::mi_option_set(option, value as std::ffi::c_long) };
    }
    unset
}

/// `mi_option_purge_delay` in mimalloc's `mi_option_t` (mimalloc.h); the crate names no
/// constant for it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
/// `mi_option_allow_thp`, likewise (43 in mimalloc v3's enum, checked against its header).
const MI_OPTION_ALLOW_THP: libmimalloc_sys::mi_option_t = 43;

fn main() -> ExitCode {
    // Never purge (-1): sysnix's processes are short, and memory given back to the OS
    // mid-evaluation is faulted in and zeroed again soon after (module benchmark
    // N = 1000: -11% wall time).
    let _ = set_mimalloc_option(MI_OPTION_PURGE_DELAY, "MIMALLOC_PURGE_DELAY", -1);
    // No transparent huge pages: an evaluation's heap is small objects spread over many
    // pages, and 2 MiB pages turned mostly-empty ranges into resident memory. Off, peak
    // memory is 8-25% lower on every benchmark input (module benchmark N = 1000:
    // 217 -> 190 MiB), with no time difference beyond the noise. mimalloc has already
    // reserved its arena (asking for huge pages) by now, so this is what it does itself
    // when the option is off at start: the process opts out of THP. Child processes
    // (builders) inherit it.
    if set_mimalloc_option(MI_OPTION_ALLOW_THP, "MIMALLOC_ALLOW_THP", 0) {
        // SAFETY: prctl with integer arguments only; failure leaves THP as it was.
        unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
    }
    let argv: Vec<String> = std::env::args().collect();
    let invoked_as = argv
        .first()
        .map(|a| a.rsplit('/').next().unwrap_or(a).to_string())
        .unwrap_or_default();
    // Through a symlink named nix-instantiate, behave as `sysnix instantiate`.
    if invoked_as == "nix-instantiate" {
        let mut args = vec!["sysnix".to_string(), "instantiate".to_string()];
        args.extend(argv.into_iter().skip(1));
        return command::run(command::Cli::parse_from(args));
    }
    command::run(command::Cli::parse())
}
