//! Realising store paths: writing texts, sources and `.drv` files into a
//! [`LocalStore`] and building derivations in a sandbox.
//!
//! [`realise`] takes what an evaluation produced (its [`DrvStore`], the
//! contents of its `builtins.toFile` texts, the local origins of its
//! sources) and makes the target paths valid, realising first whatever they
//! need that is not valid yet. Paths that are valid are never looked at
//! again (no hashing), so realising an unchanged configuration is a few
//! `stat`s.
//!
//! Every derivation whose builder is not `builtin:*` is built in the
//! sandbox described in [`sandbox`] (namespaces: mount, pid, network, uts,
//! ipc; plus user when not root), whose root directory is a fresh
//! directory under `.sysnix/tmp/build-…/root` holding:
//!
//! ```text
//! /usr                      host /usr, bind-mounted read-only, nosuid
//! /bin /sbin /lib /lib64 …  as on the host: the same symlinks into usr
//!                           (or read-only binds where they are directories)
//! /etc/passwd /etc/group    root, nixbld (the build user), nobody
//! /etc/hosts                localhost only
//! /dev/{null,zero,full,random,urandom,tty}  bind-mounted from the host
//! /dev/{fd,stdin,stdout,stderr}             symlinks into /proc/self/fd
//! /dev/shm                  a fresh tmpfs
//! /proc                     a fresh procfs of the build's pid namespace
//! /tmp                      empty, mode 1777
//! /build                    the working dir (NIX_BUILD_TOP), owned by the build user
//! <store dir>/              owned by the build user, holding only:
//!   <input closure>         each path bind-mounted read-only
//!   <outputs>               created by the builder at their final paths
//! ```
//!
//! The builder is PID 1 of its pid namespace, runs as the build user
//! (30001:30000 by default) when we are root, or as root of a user
//! namespace otherwise, with `no_new_privs`, only `lo` in its network
//! namespace (fixed-output derivations share the host network, as in Nix),
//! host name `localhost`, and exactly Nix 2.8's environment. Its stdout and
//! stderr go to `.sysnix/logs/<drv basename>`.
//!
//! When the builder exits 0 and every output exists, outputs are checked
//! (a fixed output's hash), made read-only (mtime 1, owned by us), scanned
//! for references (hash parts of the input closure and of its own outputs),
//! their references recorded, and renamed into the store. Otherwise the
//! build directory is removed (or kept with `keep_failed`) and nothing but
//! the log remains.

mod run;
pub mod sandbox;
mod scan;

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

pub use sandbox::sandbox_init_main;
pub use scan::RefScanner;

use crate::derivation::{Derivation, DrvStore};
use crate::store::LocalStore;

/// Where a source path comes from: what `builtins.path`, `filterSource` or
/// path interpolation copied at evaluation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceSpec {
    /// The local file or directory.
    pub local: PathBuf,
    /// NAR (`true`) or flat file hash (`false`).
    pub recursive: bool,
    /// When a filter applied at evaluation: the full local paths of the
    /// entries below `local` it accepted (as the filter was given them,
    /// i.e. `local` joined with the relative path). `None`: everything.
    pub included: Option<BTreeSet<PathBuf>>,
}

/// A builder run in-process for derivations whose `builder` is a
/// registered `builtin:<name>`. It gets the derivation and, for each
/// output name, the temporary path to create the output at (it does not
/// exist yet); an `Err` fails the build with that message.
pub type BuiltinBuilder =
    dyn Fn(&Derivation, &BTreeMap<String, PathBuf>) -> Result<(), String> + Send + Sync;

/// How [`realise`] builds.
#[derive(Clone)]
pub struct BuildOptions {
    /// The program run as `<sandbox_exe> __sandbox-init SPEC` to set up the
    /// sandbox: the sysnix binary (whose CLI routes that to
    /// [`sandbox_init_main`]).
    pub sandbox_exe: PathBuf,
    /// How many builds may run at once (at least 1).
    pub max_jobs: usize,
    /// In-process builders by builder name, e.g. `"builtin:sysnix-host-package"`.
    pub builtin_builders: BTreeMap<String, Arc<BuiltinBuilder>>,
    /// How many lines of a failed build's log the error shows.
    pub log_tail_lines: usize,
    /// Keep the build directory of a failed build (it is renamed to
    /// `.sysnix/tmp/failed-<drv name>-…` and named in the error).
    pub keep_failed: bool,
    /// Also copy build logs to our stderr.
    pub verbose: bool,
    /// Print `building '<drv>'...` on stderr as each build starts, as Nix does.
    pub progress: bool,
    /// `NIX_BUILD_CORES` in the builder's environment.
    pub build_cores: usize,
    /// The uid and gid builders run as when we are root (ignored
    /// otherwise: then the builder is root of its own user namespace).
    pub build_user: (u32, u32),
}

impl fmt::Debug for BuildOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BuildOptions")
            .field("sandbox_exe", &self.sandbox_exe)
            .field("max_jobs", &self.max_jobs)
            .field(
                "builtin_builders",
                &self.builtin_builders.keys().collect::<Vec<_>>(),
            )
            .field("log_tail_lines", &self.log_tail_lines)
            .field("keep_failed", &self.keep_failed)
            .field("verbose", &self.verbose)
            .field("progress", &self.progress)
            .field("build_cores", &self.build_cores)
            .field("build_user", &self.build_user)
            .finish()
    }
}

impl BuildOptions {
    /// Defaults, with `sandbox_exe` as the sandbox helper: one job, 25 log
    /// lines, no builtins, build user 30001:30000 (Nix's `nixbld1`).
    pub fn new(sandbox_exe: impl Into<PathBuf>) -> Self {
        BuildOptions {
            sandbox_exe: sandbox_exe.into(),
            max_jobs: 1,
            builtin_builders: BTreeMap::new(),
            log_tail_lines: 25,
            keep_failed: false,
            verbose: false,
            progress: false,
            build_cores: 1,
            build_user: (30001, 30000),
        }
    }
}

impl Default for BuildOptions {
    /// [`BuildOptions::new`] with the running executable as sandbox helper.
    fn default() -> Self {
        let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("/proc/self/exe"));
        BuildOptions::new(exe)
    }
}

/// What [`realise`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildReport {
    /// The derivations built (`.drv` paths), in the order they finished.
    pub built: Vec<String>,
    /// The store paths made valid: texts, sources, `.drv` files, outputs.
    pub realised: Vec<String>,
    /// The targets that were valid already.
    pub skipped: Vec<String>,
}

/// Why realising failed. Its `Display` is meant for users.
#[derive(Debug)]
pub enum BuildError {
    /// A builder exited with a non-zero code.
    BuilderFailed {
        /// The derivation.
        drv: String,
        /// The exit code (128 + N for a signal N).
        code: i32,
        /// The last lines of its log.
        log_tail: Vec<String>,
        /// The full log.
        log: PathBuf,
        /// Where the build directory was kept (with `keep_failed`).
        kept: Option<PathBuf>,
    },
    /// An in-process builtin builder failed.
    BuiltinFailed {
        /// The derivation.
        drv: String,
        /// The builder's message.
        message: String,
    },
    /// The builder succeeded but did not produce an output.
    MissingOutput {
        /// The derivation.
        drv: String,
        /// The output's name.
        output: String,
        /// The output's path.
        path: String,
    },
    /// A fixed-output derivation produced something with another hash.
    HashMismatch {
        /// The derivation.
        drv: String,
        /// The hash its output should have (SRI).
        specified: String,
        /// The hash it has (SRI).
        got: String,
    },
    /// The local file or tree of a source path is missing.
    MissingSource {
        /// The source's store path.
        path: String,
        /// The local path it should have been copied from.
        local: PathBuf,
    },
    /// A target or input is neither valid nor known how to realise.
    UnknownPath {
        /// The path.
        path: String,
    },
    /// Anything else, with what we were doing.
    Other {
        /// What failed, e.g. "copying source '/nix/store/…'".
        context: String,
        /// The cause.
        message: String,
    },
}

impl BuildError {
    pub(crate) fn other(context: impl Into<String>, message: impl fmt::Display) -> Self {
        BuildError::Other {
            context: context.into(),
            message: message.to_string(),
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::BuilderFailed {
                drv,
                code,
                log_tail,
                log,
                kept,
            } => {
                write!(f, "builder for '{drv}' failed with exit code {code}")?;
                if log_tail.is_empty() {
                    write!(f, " (its log is empty)")?;
                } else {
                    write!(f, "; last {} log lines:", log_tail.len())?;
                    for line in log_tail {
                        write!(f, "\n  > {line}")?;
                    }
                }
                write!(f, "\nFor full logs, see '{}'.", log.display())?;
                if let Some(k) = kept {
                    write!(f, "\nThe build directory was kept at '{}'.", k.display())?;
                }
                Ok(())
            }
            BuildError::BuiltinFailed { drv, message } => {
                write!(f, "builder for '{drv}' failed: {message}")
            }
            BuildError::MissingOutput { drv, output, path } => write!(
                f,
                "builder for '{drv}' failed to produce output '{output}' (path '{path}')"
            ),
            BuildError::HashMismatch {
                drv,
                specified,
                got,
            } => write!(
                f,
                "hash mismatch in fixed-output derivation '{drv}':\n  specified: {specified}\n       got: {got}"
            ),
            BuildError::MissingSource { path, local } => write!(
                f,
                "cannot realise source '{path}': local path '{}' does not exist",
                local.display()
            ),
            BuildError::UnknownPath { path } => write!(
                f,
                "don't know how to realise '{path}': it is not valid and is not a known derivation output, text or source"
            ),
            BuildError::Other { context, message } => write!(f, "{context}: {message}"),
        }
    }
}

impl std::error::Error for BuildError {}

/// One step of a realisation.
#[derive(Debug)]
enum Job {
    /// A text, source or `.drv` file: done in-process, at once.
    Path(String),
    /// Building a derivation (by `.drv` path).
    Build(String),
}

/// The jobs needed for some targets and what each waits for.
struct Plan<'a> {
    store: &'a LocalStore,
    drvs: &'a DrvStore,
    texts: &'a BTreeMap<String, String>,
    sources: &'a BTreeMap<String, SourceSpec>,
    /// Output path → the derivation producing it.
    output_of: HashMap<&'a str, &'a str>,
    jobs: Vec<Job>,
    deps: Vec<BTreeSet<usize>>,
    /// Job key (path, or "!" + drv path for builds) → index; `None` while
    /// its dependencies are being planned (to catch cycles).
    index: HashMap<String, Option<usize>>,
}

impl<'a> Plan<'a> {
    /// The job that makes `path` valid, or `None` when it is valid.
    fn path(&mut self, path: &str) -> Result<Option<usize>, BuildError> {
        if let Some(i) = self.index.get(path) {
            return i
                .ok_or_else(|| {
                    BuildError::other(
                        "planning",
                        format!("'{path}' refers to itself through other paths"),
                    )
                })
                .map(Some);
        }
        if self.store.is_valid(path) {
            return Ok(None);
        }
        if let Some(drv) = self.output_of.get(path).copied() {
            return self.build(drv).map(Some);
        }
        let drvs = self.drvs;
        let refs: Vec<String> = if let Some(drv) = drvs.get(path) {
            drv.references().into_iter().collect()
        } else if self.texts.contains_key(path) {
            drvs.recorded_references(path)
                .map(|r| r.iter().cloned().collect())
                .unwrap_or_default()
        } else if self.sources.contains_key(path) {
            Vec::new()
        } else {
            return Err(BuildError::UnknownPath {
                path: path.to_string(),
            });
        };
        self.index.insert(path.to_string(), None);
        let mut deps = BTreeSet::new();
        for r in refs.iter().filter(|r| r.as_str() != path) {
            deps.extend(self.path(r)?);
        }
        Ok(Some(self.push(
            path.to_string(),
            Job::Path(path.to_string()),
            deps,
        )))
    }

    /// The job that builds `drv_path`.
    fn build(&mut self, drv_path: &'a str) -> Result<usize, BuildError> {
        let key = format!("!{drv_path}");
        if let Some(i) = self.index.get(&key) {
            return i.ok_or_else(|| {
                BuildError::other(
                    "planning",
                    format!("derivation '{drv_path}' depends on itself"),
                )
            });
        }
        let drv = self
            .drvs
            .get(drv_path)
            .ok_or_else(|| BuildError::UnknownPath {
                path: drv_path.to_string(),
            })?;
        self.index.insert(key.clone(), None);
        let mut deps = BTreeSet::new();
        deps.extend(self.path(drv_path)?);
        for src in &drv.input_srcs {
            deps.extend(self.path(src)?);
        }
        for path in input_drv_outputs(self.drvs, drv_path, drv)? {
            deps.extend(self.path(&path)?);
        }
        Ok(self.push(key, Job::Build(drv_path.to_string()), deps))
    }

    fn push(&mut self, key: String, job: Job, deps: BTreeSet<usize>) -> usize {
        let i = self.jobs.len();
        self.jobs.push(job);
        self.deps.push(deps);
        self.index.insert(key, Some(i));
        i
    }
}

/// The output paths of its input derivations that `drv` uses.
pub(crate) fn input_drv_outputs(
    drvs: &DrvStore,
    drv_path: &str,
    drv: &Derivation,
) -> Result<Vec<String>, BuildError> {
    let mut paths = Vec::new();
    for (input, outputs) in &drv.input_drvs {
        let Some(idrv) = drvs.get(input) else {
            return Err(BuildError::UnknownPath {
                path: input.clone(),
            });
        };
        for o in outputs {
            let out = idrv.outputs.get(o).ok_or_else(|| {
                BuildError::other(
                    format!("derivation '{drv_path}'"),
                    format!("its input '{input}' has no output '{o}'"),
                )
            })?;
            paths.push(out.path.clone());
        }
    }
    Ok(paths)
}

/// Makes every path of `targets` valid in `store`, realising first what
/// each needs: `builtins.toFile` texts (contents from `texts`, references
/// from `drvs`' recorded references), sources (from `sources`), `.drv`
/// files, and outputs of derivations in `drvs`, built inputs first, up to
/// `opts.max_jobs` at a time. A `.drv` target means writing the `.drv`
/// file, not building it. Valid paths are skipped without being read.
///
/// Holds the store lock shared while it works. On the first failure no
/// new build starts; running ones finish; the first error is returned.
pub fn realise(
    store: &LocalStore,
    drvs: &DrvStore,
    texts: &BTreeMap<String, String>,
    sources: &BTreeMap<String, SourceSpec>,
    targets: &[String],
    opts: &BuildOptions,
) -> Result<BuildReport, BuildError> {
    let mut report = BuildReport::default();
    let mut pending = Vec::new();
    for t in targets {
        if store.is_valid(t) {
            report.skipped.push(t.clone());
        } else {
            pending.push(t.as_str());
        }
    }
    if pending.is_empty() {
        return Ok(report);
    }
    let _lock = store
        .lock_shared()
        .map_err(|e| BuildError::other("locking the store", e))?;
    let mut plan = Plan {
        store,
        drvs,
        texts,
        sources,
        output_of: HashMap::new(),
        jobs: Vec::new(),
        deps: Vec::new(),
        index: HashMap::new(),
    };
    for (drv_path, drv) in drvs.iter() {
        for o in drv.outputs.values() {
            plan.output_of.insert(o.path.as_str(), drv_path.as_str());
        }
    }
    for t in pending {
        if let Err(e) = store.dir().parse_store_path(t) {
            return Err(BuildError::other("realising", e));
        }
        plan.path(t)?;
    }
    let Plan { jobs, deps, .. } = plan;
    run_jobs(store, drvs, texts, sources, &jobs, &deps, opts, &mut report)?;
    Ok(report)
}

/// Runs the planned jobs in dependency order: path jobs in this thread,
/// builds on up to `max_jobs` threads.
#[allow(clippy::too_many_arguments)]
fn run_jobs(
    store: &LocalStore,
    drvs: &DrvStore,
    texts: &BTreeMap<String, String>,
    sources: &BTreeMap<String, SourceSpec>,
    jobs: &[Job],
    deps: &[BTreeSet<usize>],
    opts: &BuildOptions,
    report: &mut BuildReport,
) -> Result<(), BuildError> {
    let mut waiting: Vec<usize> = deps.iter().map(BTreeSet::len).collect();
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); jobs.len()];
    for (i, ds) in deps.iter().enumerate() {
        for &d in ds {
            dependents[d].push(i);
        }
    }
    let mut ready_paths = VecDeque::new();
    let mut ready_builds = VecDeque::new();
    let enqueue = |i: usize, rp: &mut VecDeque<usize>, rb: &mut VecDeque<usize>| match jobs[i] {
        Job::Path(_) => rp.push_back(i),
        Job::Build(_) => rb.push_back(i),
    };
    for (i, &w) in waiting.iter().enumerate() {
        if w == 0 {
            enqueue(i, &mut ready_paths, &mut ready_builds);
        }
    }
    let max_jobs = opts.max_jobs.max(1);
    let mut first_error = None;
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, Result<Vec<String>, BuildError>)>();
        let mut running = 0;
        loop {
            // Start whatever is ready, unless something failed.
            while first_error.is_none() {
                if let Some(i) = ready_paths.pop_front() {
                    let Job::Path(p) = &jobs[i] else { continue };
                    match realise_path(store, drvs, texts, sources, p) {
                        Ok(()) => {
                            report.realised.push(p.clone());
                            for &d in &dependents[i] {
                                waiting[d] -= 1;
                                if waiting[d] == 0 {
                                    enqueue(d, &mut ready_paths, &mut ready_builds);
                                }
                            }
                        }
                        Err(e) => first_error = Some(e),
                    }
                } else if running < max_jobs
                    && let Some(i) = ready_builds.pop_front()
                {
                    let Job::Build(drv_path) = &jobs[i] else {
                        continue;
                    };
                    let tx = tx.clone();
                    running += 1;
                    if opts.progress {
                        eprintln!("building '{drv_path}'...");
                    }
                    scope.spawn(move || {
                        let result = run::build_derivation(store, drvs, drv_path, opts);
                        let _ = tx.send((i, result));
                    });
                } else {
                    break;
                }
            }
            if running == 0 {
                break;
            }
            let Ok((i, result)) = rx.recv() else { break };
            running -= 1;
            match result {
                Ok(outputs) => {
                    if let Job::Build(d) = &jobs[i] {
                        report.built.push(d.clone());
                    }
                    report.realised.extend(outputs);
                    for &d in &dependents[i] {
                        waiting[d] -= 1;
                        if waiting[d] == 0 {
                            enqueue(d, &mut ready_paths, &mut ready_builds);
                        }
                    }
                }
                Err(e) => {
                    if first_error.is_none() {
                        first_error = Some(e);
                    }
                }
            }
        }
    });
    match first_error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Realises a text, source or `.drv` file.
fn realise_path(
    store: &LocalStore,
    drvs: &DrvStore,
    texts: &BTreeMap<String, String>,
    sources: &BTreeMap<String, SourceSpec>,
    path: &str,
) -> Result<(), BuildError> {
    if let Some(drv) = drvs.get(path) {
        return store
            .write_drv(path, drv)
            .map_err(|e| BuildError::other(format!("writing derivation '{path}'"), e));
    }
    if let Some(text) = texts.get(path) {
        let empty = BTreeSet::new();
        let refs = drvs.recorded_references(path).unwrap_or(&empty);
        return store
            .add_text(path, text.as_bytes(), refs)
            .map_err(|e| BuildError::other(format!("writing text '{path}'"), e));
    }
    if let Some(src) = sources.get(path) {
        return add_source(store, path, src);
    }
    Err(BuildError::UnknownPath {
        path: path.to_string(),
    })
}

fn add_source(store: &LocalStore, path: &str, src: &SourceSpec) -> Result<(), BuildError> {
    if let Err(e) = std::fs::symlink_metadata(&src.local)
        && e.kind() == io::ErrorKind::NotFound
    {
        return Err(BuildError::MissingSource {
            path: path.to_string(),
            local: src.local.clone(),
        });
    }
    let filter = src
        .included
        .as_ref()
        .map(|set| move |p: &Path| set.contains(p));
    let filter_ref = filter.as_ref().map(|f| f as &dyn Fn(&Path) -> bool);
    store
        .add_source(path, &src.local, filter_ref, src.recursive)
        .map_err(|e| BuildError::other(format!("copying source '{path}'"), e))
}
