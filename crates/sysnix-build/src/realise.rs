//! Realising what evaluation computed: the sources it copied, the `toFile` texts and the
//! derivations of the toplevel's closure, into a [`LocalStore`] (sandboxed builds, with
//! the host-package builder run in-process).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use sysnix_eval::Eval;
use sysnix_store::build::{BuildOptions, SourceSpec};
use sysnix_store::store::LocalStore;

use crate::system::Toplevel;

/// The store directory when neither `--store` nor `SYSNIX_STORE` says otherwise (see
/// ARCHITECTURE.md for why this path).
pub const DEFAULT_STORE: &str = "/sysnix/store";

/// How to realise.
#[derive(Clone, Debug, Default)]
pub struct RealiseOptions {
    /// Derivations built at once.
    pub max_jobs: usize,
    /// Show build logs as builds run.
    pub verbose: bool,
    /// Keep a failed build's directory.
    pub keep_failed: bool,
}

/// Opens (creating if needed) the store, with an error a user can act on.
pub fn open_store(dir: &Path) -> Result<LocalStore, String> {
    if !dir.is_absolute() {
        return Err(format!(
            "the store directory '{}' must be an absolute path",
            dir.display()
        ));
    }
    LocalStore::open(dir).map_err(|e| {
        format!(
            "cannot open the store at {}: {e} (pass --store DIR or set SYSNIX_STORE to a writable directory)",
            dir.display()
        )
    })
}

/// Builds everything `top` needs that is not in the store yet.
pub fn realise(
    ev: &Eval,
    store: &LocalStore,
    top: &Toplevel,
    opts: &RealiseOptions,
) -> Result<(), String> {
    let state = &ev.builtin_state;
    let sources: BTreeMap<String, SourceSpec> = state
        .sources
        .iter()
        .map(|(sp, r)| {
            (
                sp.clone(),
                SourceSpec {
                    local: PathBuf::from(&r.local),
                    recursive: r.recursive,
                    included: r
                        .included
                        .as_ref()
                        .map(|s| s.iter().map(PathBuf::from).collect()),
                },
            )
        })
        .collect();
    let mut build_opts = BuildOptions::new(sandbox_exe()?);
    build_opts.max_jobs = opts.max_jobs.max(1);
    build_opts.verbose = opts.verbose;
    build_opts.progress = true;
    build_opts.keep_failed = opts.keep_failed;
    build_opts.builtin_builders.insert(
        "builtin:sysnix-host-package".to_string(),
        std::sync::Arc::new(crate::host::build_host_package),
    );
    let leaks = crate::leaks::check_before_build(ev, store, &top.drv_path);
    if !leaks.is_empty() {
        return Err(crate::leaks::report(&leaks));
    }
    let report = sysnix_store::build::realise(
        store,
        &state.drvs,
        &state.text_files,
        &sources,
        std::slice::from_ref(&top.out_path),
        &build_opts,
    )
    .map_err(|e| e.to_string())?;
    let leaks = crate::leaks::check_after_build(ev, &report.realised);
    if !leaks.is_empty() {
        return Err(format!(
            "{}\n(The paths were built by a builder and are in the store now, unreferenced: \
             `sysnix gc` removes them once the configuration is fixed.)",
            crate::leaks::report(&leaks)
        ));
    }
    Ok(())
}

/// The sysnix binary, which runs the sandbox's first process (`sysnix __sandbox-init`).
fn sandbox_exe() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("SYSNIX_SANDBOX_EXE") {
        return Ok(PathBuf::from(p));
    }
    std::env::current_exe()
        .map_err(|e| format!("cannot find the sysnix binary to run the build sandbox: {e}"))
}

/// Points `link` at `target` (replacing an older link atomically) and registers it as an
/// indirect GC root, as nix-build's `result`; refuses to replace anything but a link.
pub fn out_link(store: &LocalStore, link: &Path, target: &str) -> Result<(), String> {
    let link = if link.is_absolute() {
        link.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| format!("cannot resolve {}: {e}", link.display()))?
            .join(link)
    };
    if let Ok(m) = link.symlink_metadata()
        && !m.file_type().is_symlink()
    {
        return Err(format!(
            "{} exists and is not a symbolic link; remove it or pass --out-link/--no-out-link",
            link.display()
        ));
    }
    store
        .add_root(&link, target)
        .map(|_| ())
        .map_err(|e| format!("creating the GC root link {}: {e}", link.display()))
}
