//! `sysnix gc`: delete store paths that no GC root (generation, `result` link) reaches,
//! and the root-only key copies (`<prefix>/var/keys/<system>`) of systems deleted.

use super::build::StoreArgs;
use crate::session;
use clap::Args;
use std::process::ExitCode;

/// Flags of `sysnix gc`.
#[derive(Args, Debug, Clone)]
pub struct GcArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Only list what would be deleted.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs `sysnix gc`.
pub fn run(args: GcArgs) -> ExitCode {
    let store = match sysnix_build::realise::open_store(&args.store.store) {
        Ok(s) => s,
        Err(e) => return session::fail(&e),
    };
    match store.gc(args.dry_run) {
        Ok(report) => {
            let verb = if args.dry_run {
                "would delete"
            } else {
                "deleted"
            };
            let mut out = String::new();
            for p in &report.deleted {
                out.push_str(p);
                out.push('\n');
            }
            session::print(&out);
            eprintln!(
                "{verb} {} store paths ({:.2} MiB), kept {}",
                report.deleted.len(),
                report.freed_bytes as f64 / (1024.0 * 1024.0),
                report.kept
            );
            // Keys kept for systems that are gone now (sysnix_build::keys).
            let store_dir = std::path::Path::new(store.dir().as_str());
            match sysnix_build::keys::collect_garbage(store_dir, &report.deleted, args.dry_run) {
                Ok(dirs) => {
                    for d in dirs {
                        eprintln!("{verb} the keys of a collected system: {}", d.display());
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => session::fail(&format!("removing keys of collected systems: {e}")),
            }
        }
        Err(e) => session::fail(&format!("garbage collection failed: {e}")),
    }
}
