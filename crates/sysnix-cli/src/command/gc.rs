//! `sysnix gc`: delete store paths that no GC root (generation, `result` link) reaches.

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
            ExitCode::SUCCESS
        }
        Err(e) => session::fail(&format!("garbage collection failed: {e}")),
    }
}
