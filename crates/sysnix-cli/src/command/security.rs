//! `sysnix security`: systemd's exposure score (`systemd-analyze security`, systemd 252)
//! for unit files, or for the services of a configuration built as `sysnix build` builds
//! it: the per-setting table and the overall line for each unit, then a summary.

use super::build::{BuildArgs, BuildFlags, Built, StoreArgs};
use crate::session;
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use sysnix_security::Assessment;

pub const LONG_ABOUT: &str = "\
Compute systemd's exposure score for services, offline, with the numbers
`systemd-analyze security --offline=true` of systemd 252 gives.

Arguments that are unit files (an existing file, or a path with a `/`) are assessed
directly, with their `<file>.d/*.conf` drop-ins. Otherwise the configuration is built
as `sysnix build` builds it (-c FILE, a directory or `.nix` file argument, else
./configuration.nix or /etc/sysnix/configuration.nix) and its services are assessed:
the ones named (`foo` or `foo.service`), or every `.service` it defines.

For each unit: the table of checks (✓ protected, ✗ exposed, blank: does not apply) and
the overall exposure (0.0 … 10.0: PERFECT, SAFE, OK, MEDIUM, EXPOSED, UNSAFE,
DANGEROUS); then one line per unit, the most exposed first.";

/// Flags of `sysnix security`.
#[derive(Args, Debug, Clone)]
pub struct SecurityArgs {
    /// Unit files to assess, unit names (`foo`, `foo.service`) to pick from the built
    /// configuration, or the configuration (a directory or a `.nix` file).
    #[arg(value_name = "UNIT|FILE|PATH")]
    pub args: Vec<String>,
    /// The configuration module whose services to assess (as `sysnix build -c`).
    #[arg(short = 'c', long = "config", value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Print a JSON array of the assessments instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Fail (exit 1) when a unit's overall exposure, in tenths (0-100, as systemd-analyze's
    /// --threshold), is above N, naming those units.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=100))]
    pub threshold: Option<u32>,
    #[command(flatten)]
    pub flags: BuildFlags,
}

/// What the positional arguments name.
#[derive(Default)]
struct Selection {
    files: Vec<PathBuf>,
    names: Vec<String>,
    config_path: Option<PathBuf>,
}

const UNIT_SUFFIXES: &[&str] = &[
    ".service", ".socket", ".mount", ".swap", ".target", ".timer", ".path", ".slice",
];

fn classify(args: &SecurityArgs) -> Result<Selection, String> {
    let mut s = Selection::default();
    for arg in &args.args {
        let path = Path::new(arg);
        let unit_like = UNIT_SUFFIXES.iter().any(|suffix| arg.ends_with(suffix));
        if path.is_dir() || arg.ends_with(".nix") {
            if let Some(first) = &s.config_path {
                return Err(format!(
                    "two configurations given ('{}' and '{arg}'); pass one",
                    first.display()
                ));
            }
            s.config_path = Some(path.to_path_buf());
        } else if path.is_file() || arg.contains('/') {
            if !path.is_file() {
                return Err(format!("unit file '{arg}' does not exist"));
            }
            s.files.push(path.to_path_buf());
        } else if unit_like || !arg.contains('.') {
            s.names.push(arg.clone());
        } else {
            return Err(format!(
                "'{arg}' is neither a unit file, a unit name (foo, foo.service) nor a configuration (a directory or a .nix file)"
            ));
        }
    }
    if s.config_path.is_some() && args.config.is_some() {
        return Err("give the configuration either with -c or as an argument, not both".into());
    }
    Ok(s)
}

/// Runs `sysnix security`.
pub fn run(args: SecurityArgs) -> ExitCode {
    sysnix_eval::with_big_stack(move || security(args))
}

fn security(args: SecurityArgs) -> ExitCode {
    let selection = match classify(&args) {
        Ok(s) => s,
        Err(e) => return session::fail(&e),
    };
    let mut files = selection.files.clone();
    let needs_build = !selection.names.is_empty()
        || selection.config_path.is_some()
        || args.config.is_some()
        || files.is_empty();
    // Kept until the end so a concurrent gc leaves the units alone while they are read.
    let mut _built: Option<Built> = None;
    if needs_build {
        let build = BuildArgs {
            path: selection.config_path.clone(),
            config: args.config.clone(),
            file: None,
            attr: None,
            store: args.store.clone(),
            json: false,
            check_packages: false,
            out_link: PathBuf::from("result"),
            no_out_link: true,
            flags: args.flags.clone(),
            keep_failed: false,
            skip_exposure_gate: true,
        };
        let built = match super::build::realise(&build) {
            Ok(b) => b,
            Err(code) => return code,
        };
        let dir = Path::new(&built.top.out_path).join("etc/systemd/system");
        match system_units(&dir, &selection.names) {
            Ok(found) => files.extend(found),
            Err(e) => return session::fail(&e),
        }
        _built = Some(built);
    }

    let mut assessments = Vec::new();
    for file in &files {
        match sysnix_security::assess_file(file) {
            Ok(a) => assessments.push(a),
            Err(e) => return session::fail(&e.to_string()),
        }
    }

    if args.json {
        let text = serde_json::to_string_pretty(&assessments).expect("assessments serialise");
        session::print(&format!("{text}\n"));
    } else {
        let mut out = String::new();
        for a in &assessments {
            out.push_str(&a.render_table());
            out.push('\n');
            out.push_str(&a.overall_line());
            out.push_str("\n\n");
        }
        if assessments.len() > 1 {
            out.push_str(&sysnix_security::report::render_summary(&assessments));
        }
        session::print(&out);
    }

    if let Some(threshold) = args.threshold {
        let above: Vec<&Assessment> = assessments
            .iter()
            .filter(|a| a.exposure > threshold)
            .collect();
        if !above.is_empty() {
            for a in &above {
                let fixes: Vec<&str> = a
                    .improvements()
                    .iter()
                    .take(3)
                    .map(|r| r.name.as_str())
                    .collect();
                eprintln!(
                    "error: {} has exposure {} (above --threshold {}); the settings that would lower it most: {}",
                    a.unit,
                    sysnix_security::tenths(u64::from(a.exposure)),
                    threshold,
                    fixes.join(", ")
                );
            }
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

/// The unit files of a built system: the named ones, or every non-template `.service`.
fn system_units(dir: &Path, names: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut available: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".service"))
            .filter(|n| {
                let p = dir.join(n);
                let masked = std::fs::canonicalize(&p).is_ok_and(|t| t == Path::new("/dev/null"));
                p.is_file() && !masked
            })
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(format!("reading {}: {e}", dir.display())),
    };
    available.sort();
    if names.is_empty() {
        return Ok(available
            .into_iter()
            .filter(|n| !n.contains("@."))
            .map(|n| dir.join(n))
            .collect());
    }
    let mut chosen = Vec::new();
    for name in names {
        let full = match name.contains('.') {
            true => name.clone(),
            false => format!("{name}.service"),
        };
        if !available.contains(&full) {
            return Err(format!(
                "the configuration has no unit '{full}'; its services: {}",
                match available.is_empty() {
                    true => "none".to_string(),
                    false => available.join(", "),
                }
            ));
        }
        chosen.push(dir.join(full));
    }
    Ok(chosen)
}
