//! `sysnix list-generations`: the system's generations (number, date, store path, which
//! is the default), as text or JSON.

use super::build::StoreArgs;
use crate::session;
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use sysnix_apply::{Layout, profile};

/// Flags of `sysnix list-generations`.
#[derive(Args, Debug, Clone)]
pub struct GenerationsArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// The generations of this root file system (as activated with `--root DIR`).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Print JSON: a list of `{number, date, path, current}` (date in seconds since the
    /// epoch).
    #[arg(long)]
    pub json: bool,
}

/// Runs `sysnix list-generations`.
pub fn run(args: GenerationsArgs) -> ExitCode {
    let layout = Layout::new(
        args.root.as_deref().unwrap_or(Path::new("/")),
        &args.store.store,
    );
    let gens = match profile::list(&layout) {
        Ok(g) => g,
        Err(e) => return session::fail(&e),
    };
    if args.json {
        let text = serde_json::to_string_pretty(&gens).expect("generations serialise");
        return session::print(&format!("{text}\n"));
    }
    if gens.is_empty() {
        eprintln!(
            "no generations yet in {} (sysnix switch makes one)",
            layout.host(layout.profiles_dir()).display()
        );
        return ExitCode::SUCCESS;
    }
    let mut out = String::new();
    for g in &gens {
        out.push_str(&format!(
            "{:>4}   {}   {}{}\n",
            g.number,
            utc(g.date),
            g.path,
            if g.current { "   (current)" } else { "" }
        ));
    }
    session::print(&out)
}

/// `YYYY-MM-DD HH:MM:SS` (UTC) of seconds since the epoch.
fn utc(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates() {
        assert_eq!(super::utc(0), "1970-01-01 00:00:00");
        assert_eq!(super::utc(1_700_000_000), "2023-11-14 22:13:20");
        assert_eq!(super::utc(951_782_400), "2000-02-29 00:00:00");
    }
}
