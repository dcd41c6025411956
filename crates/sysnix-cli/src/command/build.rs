//! `sysnix build`: evaluate a configuration, realise its toplevel in the store, print the
//! store path (or a JSON summary).

use crate::session;
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use sysnix_build::host::{DebianDb, PackageState};
use sysnix_build::summary::{Manifest, Summary};
use sysnix_build::system::Target;

/// Flags of `sysnix build`.
#[derive(Args, Debug, Clone)]
pub struct BuildArgs {
    /// The configuration: a file, or a directory holding `configuration.nix`
    /// (default: ./configuration.nix, else /etc/sysnix/configuration.nix).
    #[arg(value_name = "PATH", conflicts_with_all = ["config", "file"])]
    pub path: Option<PathBuf>,
    /// The configuration module to build (as NixOS's configuration.nix).
    #[arg(
        short = 'c',
        long = "config",
        value_name = "FILE",
        conflicts_with = "file"
    )]
    pub config: Option<PathBuf>,
    /// Build an attribute of a Nix file instead (with -A), as nix-build does.
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The attribute of --file to build.
    #[arg(short = 'A', long = "attr", value_name = "ATTRPATH", requires = "file")]
    pub attr: Option<String>,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Print a JSON summary (toplevel, units, files, users, packages) instead of the path
    /// (`sysnix build` only; the activating verbs refuse it).
    #[arg(long)]
    pub json: bool,
    /// Also check that every Debian package the system needs is installed or installable.
    #[arg(long)]
    pub check_packages: bool,
    /// Where to put the `result` link to the toplevel (a GC root while it exists).
    #[arg(short = 'o', long, value_name = "PATH", default_value = "result")]
    pub out_link: PathBuf,
    /// Do not create the `result` link.
    #[arg(long)]
    pub no_out_link: bool,
    #[command(flatten)]
    pub flags: BuildFlags,
    /// Keep a failed build's directory for inspection.
    #[arg(short = 'K', long)]
    pub keep_failed: bool,
    /// Skip the exposure policy gate (`sysnix security` reports scores itself).
    #[arg(skip)]
    pub skip_exposure_gate: bool,
}

/// How to evaluate and build: the flags every verb that builds a configuration has.
#[derive(Args, Debug, Clone)]
pub struct BuildFlags {
    /// Add a search path entry (`name=path` or `path`), as nix-instantiate's -I.
    #[arg(short = 'I', value_name = "PATH")]
    pub include: Vec<String>,
    /// Show the evaluation's "while evaluating" frames on errors.
    #[arg(long)]
    pub show_trace: bool,
    /// Show build logs as builds run.
    #[arg(short = 'v', long)]
    pub verbose: bool,
    /// How many derivations to build at once.
    #[arg(short = 'j', long, default_value_t = 1)]
    pub max_jobs: usize,
}

/// Where the store is.
#[derive(Args, Debug, Clone)]
pub struct StoreArgs {
    /// The store directory (default: $SYSNIX_STORE, else /sysnix/store).
    #[arg(long, value_name = "DIR", env = "SYSNIX_STORE", default_value = sysnix_build::realise::DEFAULT_STORE)]
    pub store: PathBuf,
}

impl BuildArgs {
    fn target(&self) -> Result<Target, String> {
        if let Some(f) = &self.file {
            return Ok(Target::Attr {
                file: absolute(f),
                attr: self.attr.clone().unwrap_or_default(),
            });
        }
        let chosen = match (&self.config, &self.path) {
            (Some(c), _) => c.clone(),
            (None, Some(p)) if p.is_dir() => p.join("configuration.nix"),
            (None, Some(p)) => p.clone(),
            (None, None) => {
                let local = PathBuf::from("configuration.nix");
                if local.is_file() {
                    local
                } else {
                    PathBuf::from("/etc/sysnix/configuration.nix")
                }
            }
        };
        if !chosen.exists() {
            return Err(format!(
                "configuration file '{}' does not exist; pass -c FILE (or a directory holding configuration.nix)",
                chosen.display()
            ));
        }
        Ok(Target::Configuration(absolute(&chosen)))
    }
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .unwrap_or_else(|_| PathBuf::from("/"))
            .join(p)
    }
}

/// Runs `sysnix build`.
pub fn run(args: BuildArgs) -> ExitCode {
    sysnix_eval::with_big_stack(move || build(args))
}

/// A realised toplevel, with the store lock that keeps a concurrent `sysnix gc` from
/// collecting it until something roots it.
pub struct Built {
    /// The store it is in.
    pub store: sysnix_store::store::LocalStore,
    /// The toplevel's store path.
    pub top: sysnix_build::system::Toplevel,
    /// Debian's package database as the build saw it.
    pub db: std::rc::Rc<DebianDb>,
    /// Held until the toplevel is rooted.
    pub lock: sysnix_store::store::StoreLock,
}

/// Evaluates and realises what `args` name (no result link): the first half of
/// `sysnix build`, shared with `sysnix switch`. Errors are already reported.
pub fn realise(args: &BuildArgs) -> Result<Built, ExitCode> {
    let target = args.target().map_err(|e| session::fail(&e))?;
    let store =
        sysnix_build::realise::open_store(&args.store.store).map_err(|e| session::fail(&e))?;
    let cache = sysnix_lib::default_cache_dir();
    let db = std::rc::Rc::new(DebianDb::load(Some(&cache)));
    let mut ev = session::evaluator_with(&args.flags.include, args.flags.show_trace, |o| {
        o.store_dir = store.dir().as_str().to_string();
        o.host_packages = Some(db.clone());
        o.track_secrets = true;
    });
    let top = sysnix_build::system::evaluate(&mut ev, &target)
        .map_err(|e| session::report(&ev, &e, args.flags.show_trace))?;
    let opts = sysnix_build::realise::RealiseOptions {
        max_jobs: args.flags.max_jobs.max(1),
        verbose: args.flags.verbose,
        keep_failed: args.keep_failed,
    };
    // Held until the result link roots the toplevel, so a concurrent `sysnix gc` cannot
    // collect it in between.
    let lock = store
        .lock_shared()
        .map_err(|e| session::fail(&format!("locking the store: {e}")))?;
    sysnix_build::realise::realise(&ev, &store, &top, &opts).map_err(|e| session::fail(&e))?;
    if !args.skip_exposure_gate {
        exposure_gate(&top.out_path)?;
    }
    if let Target::Configuration(conf) = &target {
        save_keys(&mut ev, conf, &store, &top.out_path, args.flags.show_trace)?;
    }
    Ok(Built {
        store,
        top,
        db,
        lock,
    })
}

/// The exposure policy gate: fails (enforce) or warns (warn) for each service over its
/// limit.
fn exposure_gate(toplevel: &str) -> Result<(), ExitCode> {
    let report =
        sysnix_build::exposure_gate::check(Path::new(toplevel)).map_err(|e| session::fail(&e))?;
    if report.fails() {
        return Err(session::fail(&report.render()));
    }
    if !report.over.is_empty() {
        eprintln!("warning: {}", report.render());
    }
    Ok(())
}

/// Keeps the configuration's `text` keys root-only beside the store (never in it), for
/// activation and boot to place (`sysnix_build::keys`).
fn save_keys(
    ev: &mut sysnix_eval::Eval,
    conf: &Path,
    store: &sysnix_store::store::LocalStore,
    toplevel: &str,
    show_trace: bool,
) -> Result<(), ExitCode> {
    let texts =
        sysnix_build::keys::text_keys(ev, conf).map_err(|e| session::report(ev, &e, show_trace))?;
    sysnix_build::keys::save(Path::new(store.dir().as_str()), toplevel, &texts)
        .map_err(|e| session::fail(&format!("keeping the keys: {e}")))?;
    Ok(())
}

fn build(args: BuildArgs) -> ExitCode {
    let Built {
        store,
        top,
        db,
        lock: _lock,
    } = match realise(&args) {
        Ok(b) => b,
        Err(code) => return code,
    };
    if !args.no_out_link
        && let Err(e) = sysnix_build::realise::out_link(&store, &args.out_link, &top.out_path)
    {
        return session::fail(&e);
    }
    let manifest = Manifest::read(Path::new(&top.out_path));
    let mut status = ExitCode::SUCCESS;
    if args.check_packages {
        match &manifest {
            Ok(m) => {
                if !report_packages(&db, m) {
                    status = ExitCode::from(1);
                }
            }
            Err(e) => {
                return session::fail(&format!("--check-packages needs a system toplevel: {e}"));
            }
        }
    }
    if args.json {
        let m = match manifest {
            Ok(m) => m,
            Err(e) => return session::fail(&format!("--json needs a system toplevel: {e}")),
        };
        let summary = Summary::new(&top.out_path, &top.drv_path, &m);
        let text = serde_json::to_string_pretty(&summary).expect("a summary serialises");
        session::print(&format!("{text}\n"));
    } else {
        session::print(&format!("{}\n", top.out_path));
    }
    status
}

/// Prints one line per Debian package; false when one is unknown to apt.
fn report_packages(db: &DebianDb, m: &Manifest) -> bool {
    let mut ok = true;
    for (attr, deb, state) in sysnix_build::host::check_packages(db, &m.host_packages, &m.packages)
    {
        let via = if attr == deb {
            String::new()
        } else {
            format!(" (pkgs.{attr})")
        };
        match state {
            PackageState::Installed(v) => eprintln!("installed: {deb} {v}{via}"),
            PackageState::Missing => eprintln!(
                "missing: {deb}{via} is not installed; activation will install it (apt-get install {deb})"
            ),
            PackageState::Unknown => {
                ok = false;
                eprintln!(
                    "error: unknown package: {deb}{via} is neither installed nor known to apt; check the name (run `apt-get update` if the lists are old), or give the package its Debian name"
                )
            }
        }
    }
    ok
}
