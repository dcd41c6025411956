//! Parsing and compiling ahead, on worker threads.
//!
//! Loading files is a large share of evaluating a configuration: a module system
//! imports hundreds of files, each parsed and compiled once (at 1000 service modules,
//! parsing took 11% of the samples and compiling what was parsed 13% of the
//! evaluator's time). Evaluation is single-threaded, but the files it will import are
//! usually written as literal paths in files it already compiled (`imports = [ ./a.nix
//! ./b.nix ];`, a module list, `import ./lib.nix`). So each literal `.nix` path the
//! compiler meets is handed to worker threads, which read, parse and compile it while
//! evaluation goes on. When `import` reaches the file it takes the compiled code if it
//! is ready, waits if it is under way, and compiles the file itself if no worker has
//! started on it (or one failed: errors are the importer's to report).
//!
//! A worker compiles against the builtins without a count only
//! ([`PlainGlobals`](crate::compiler::PlainGlobals)): counts are not atomic, so it
//! must not copy a value the evaluator shares; names of the other builtins compile to
//! a lookup made on first use ([`VarRef::Deferred`](crate::compiler::VarRef)). Its code
//! is then the evaluator's own (see [`Compiled`]). File ids come from a counter shared
//! with the evaluator's [`SourceMap`](crate::source::SourceMap).
//!
//! The workers take the files named by the file compiled last first: a file's
//! literal paths are a batch, and a newer batch goes before the rest of older ones.
//! A configuration's entry file names its modules, then imports the lib, whose
//! files are needed at once, long before the last module; in the order of requests
//! evaluation reached each lib file while the workers were still on the modules, and
//! compiled it itself.
//!
//! Nothing observable changes, except when a file changes during the evaluation:
//! `import` then sees the text a worker read a moment before, as if it had run a
//! moment earlier (Nix too reads each file once: it caches what it parsed by path). A
//! path never imported costs only the workers' time. The workers need a spare core:
//! with one (or `SYSNIX_PREFETCH=0`) nothing is prefetched.

use super::import::{parent_dir, read_source, resolve_nix_file};
use crate::compiler::{Compiler, Expr, Globals, PlainGlobals, PlainGlobalsSource};
use std::collections::{HashMap, HashSet, VecDeque};
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex};

/// Source text the workers compile, at most (a bound on what paths never imported can
/// cost); past it, `import` compiles for itself.
const MAX_BYTES: usize = 256 << 20;

/// Worker threads. Evaluation often imports a burst of files at once (a module
/// system collecting its modules), and then waits for them: two workers, on a machine
/// of two cores, keep both busy through it. Measured at 1000 service modules (31
/// interleaved runs, release builds): the evaluator waited 153 ms for one worker, 97 ms
/// for two, where it spent 130 ms compiling what one worker parsed (the earlier
/// design); wall time -5% against that with two workers, +9% with one. With the PGO
/// build, where compiling was cheaper, two workers gain 2.4%.
const WORKERS: usize = 2;

/// A requested file, in a worker's hands or done.
enum Slot {
    /// Waiting for a worker.
    Queued,
    /// A worker is compiling it.
    Compiling,
    /// Compiled.
    Compiled(SendCompiled),
    /// Taken by `import` before a worker started, or failed: no worker's.
    Dropped,
}

struct Shared {
    state: Mutex<State>,
    /// Bytes of source the workers may still read ([`MAX_BYTES`]).
    budget: std::sync::atomic::AtomicUsize,
    /// A slot left `Compiling`.
    changed: Condvar,
    /// Work was queued.
    queued: Condvar,
}

#[derive(Default)]
struct State {
    slots: HashMap<String, Slot>,
    /// What the workers compile next, from the front.
    queue: VecDeque<String>,
    /// The evaluator is gone: the workers stop.
    closed: bool,
}

/// A file a worker compiled.
pub struct Compiled {
    /// The file read (after resolving symlinks and `default.nix`) and its text.
    pub file: PathBuf,
    pub text: String,
    pub expr: Rc<Expr>,
    /// Its file id (from the [`SourceMap`](crate::source::SourceMap)'s counter), which
    /// the importer records the file under.
    pub id: u32,
    /// Its literal paths to `.nix` files, to request in turn when it is imported.
    pub nix_paths: Vec<String>,
}

/// [`Compiled`] on its way from a worker to the evaluator.
struct SendCompiled(Compiled);

// SAFETY: the code's handles (`Rc`, counted values) are not atomic, so it must be
// used by one thread at a time. The worker makes it from allocations of its own and
// values without a count (`PlainGlobals`); its deferred builtins are unset. Once in
// its slot the worker keeps no handle to any of it, and the slot's mutex orders the
// handover: it is then used by the evaluator, which takes it, or dropped by whichever
// thread drops the slots last, when no other handle to it exists.
unsafe impl Send for SendCompiled {}

/// The evaluator's side of the workers.
pub struct Prefetcher {
    enabled: bool,
    shared: Arc<Shared>,
    /// Whether the workers run (started with the first request).
    started: bool,
    requested: HashSet<String>,
}

impl Prefetcher {
    pub fn new() -> Prefetcher {
        let spare_core = std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
        let wanted = std::env::var_os("SYSNIX_PREFETCH").is_none_or(|v| v != "0");
        Prefetcher {
            enabled: spare_core && wanted,
            shared: Arc::new(Shared {
                state: Mutex::new(State::default()),
                budget: MAX_BYTES.into(),
                changed: Condvar::new(),
                queued: Condvar::new(),
            }),
            started: false,
            requested: HashSet::new(),
        }
    }

    /// Asks for `paths` (canonical, as `import` will get them), the literal paths of one
    /// file, to be compiled ahead: before what older requests left, in their order.
    /// `start` gives what the workers compile with, when it is started.
    pub fn request(
        &mut self,
        paths: impl IntoIterator<Item = String>,
        start: impl FnOnce() -> (PlainGlobalsSource, Arc<AtomicU32>),
    ) {
        if !self.enabled {
            return;
        }
        let batch: Vec<String> = paths
            .into_iter()
            .filter(|p| self.requested.insert(p.clone()))
            .collect();
        if batch.is_empty() {
            return;
        }
        if !self.started {
            let (globals, ids) = start();
            self.started = self.start(globals, ids);
            if !self.started {
                self.enabled = false;
                return;
            }
        }
        let mut state = lock(&self.shared);
        for path in batch.into_iter().rev() {
            state.slots.insert(path.clone(), Slot::Queued);
            state.queue.push_front(path);
        }
        drop(state);
        self.shared.queued.notify_one();
    }

    fn start(&self, globals: PlainGlobalsSource, ids: Arc<AtomicU32>) -> bool {
        let mut started = false;
        for _ in 0..WORKERS {
            let shared = self.shared.clone();
            let (globals, ids) = (globals.clone(), ids.clone());
            started |= std::thread::Builder::new()
                .name("sysnix-compile".into())
                // rnix's parser and the compiler recurse on nesting, as the evaluator does.
                .stack_size(256 << 20)
                .spawn(move || {
                    let worker = Worker {
                        globals: PlainGlobals::new(globals),
                        ids,
                    };
                    while let Some(path) = next(&shared) {
                        worker.work(&shared, path);
                    }
                })
                .is_ok();
        }
        started
    }

    /// The file `import path` reads, read and compiled, if a worker did it (waiting
    /// for it if under way); `None`: read and compile it yourself.
    pub fn take(&mut self, path: &str) -> Option<Compiled> {
        if !self.requested.contains(path) {
            return None;
        }
        let mut state = lock(&self.shared);
        loop {
            match state.slots.get(path) {
                Some(Slot::Compiling) => {
                    state = self
                        .shared
                        .changed
                        .wait(state)
                        .unwrap_or_else(|e| e.into_inner());
                }
                Some(Slot::Queued) => {
                    state.slots.insert(path.to_string(), Slot::Dropped);
                    return None;
                }
                Some(Slot::Compiled(..)) => {
                    let Some(Slot::Compiled(compiled)) =
                        state.slots.insert(path.to_string(), Slot::Dropped)
                    else {
                        return None;
                    };
                    return Some(compiled.0);
                }
                Some(Slot::Dropped) | None => return None,
            }
        }
    }
}

impl Drop for Prefetcher {
    fn drop(&mut self) {
        lock(&self.shared).closed = true;
        self.shared.queued.notify_all();
    }
}

impl Default for Prefetcher {
    fn default() -> Self {
        Prefetcher::new()
    }
}

fn lock(shared: &Shared) -> std::sync::MutexGuard<'_, State> {
    shared.state.lock().unwrap_or_else(|e| e.into_inner())
}

/// A worker's next file, marked `Compiling`: the first queued path `import` did not
/// take meanwhile, waiting for one; `None` once the evaluator is gone.
fn next(shared: &Shared) -> Option<String> {
    let mut state = lock(shared);
    loop {
        if state.closed {
            return None;
        }
        match state.queue.pop_front() {
            Some(path) => {
                if let Some(slot @ Slot::Queued) = state.slots.get_mut(&path) {
                    *slot = Slot::Compiling;
                    return Some(path);
                }
            }
            None => state = shared.queued.wait(state).unwrap_or_else(|e| e.into_inner()),
        }
    }
}

/// The worker's side.
struct Worker {
    globals: PlainGlobals,
    ids: Arc<AtomicU32>,
}

impl Worker {
    /// Compiles `path` (marked `Compiling`) unless the budget of source is spent. A file
    /// that cannot be read, parsed or compiled is the importer's to report.
    fn work(&self, shared: &Shared, path: String) {
        let file = resolve_nix_file(&path);
        let text = read_source(&file).ok().filter(|t| {
            shared
                .budget
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |b| {
                    b.checked_sub(t.len())
                })
                .is_ok()
        });
        let compiled = text.and_then(|text| {
            // A panic in the parser or the compiler must not leave `import` waiting: it
            // compiles for itself.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.compile(file, text)))
                .ok()
                .flatten()
        });
        let slot = match compiled {
            Some(c) => Slot::Compiled(SendCompiled(c)),
            None => Slot::Dropped,
        };
        lock(shared).slots.insert(path, slot);
        shared.changed.notify_all();
    }

    fn compile(&self, file: PathBuf, text: String) -> Option<Compiled> {
        let parse = rnix::Root::parse(&text);
        if !parse.errors().is_empty() {
            return None;
        }
        let id = self.ids.fetch_add(1, Ordering::Relaxed);
        let dir = parent_dir(&file);
        let mut c = Compiler::new(id, &dir, &text, Globals::Plain(&self.globals), None);
        c.file_label = Some(file.display().to_string());
        let expr = c.compile_parsed(parse).ok()?;
        let nix_paths = std::mem::take(&mut c.nix_paths);
        Some(Compiled {
            file,
            text,
            expr,
            id,
            nix_paths,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compiler::canon_path;

    /// What a worker compiles with when no evaluator is around: no builtins.
    fn bare() -> (PlainGlobalsSource, Arc<AtomicU32>) {
        (
            PlainGlobalsSource::new(&Default::default()),
            Default::default(),
        )
    }

    #[test]
    fn the_newest_batch_goes_first() {
        let mut p = Prefetcher::new();
        p.enabled = true;
        // No worker: the queue stays as requests leave it.
        p.started = true;
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        p.request(names(&["/m/a.nix", "/m/b.nix"]), bare);
        p.request(names(&["/lib/x.nix", "/m/a.nix", "/lib/y.nix"]), bare);
        let queue: Vec<String> = lock(&p.shared).queue.iter().cloned().collect();
        // A path asked for again keeps its place; the new ones go first, in order.
        assert_eq!(
            queue,
            names(&["/lib/x.nix", "/lib/y.nix", "/m/a.nix", "/m/b.nix"])
        );
    }

    /// Waits until the worker is done with `path`.
    fn wait_for(p: &Prefetcher, path: &str) {
        while matches!(
            lock(&p.shared).slots.get(path),
            Some(Slot::Queued | Slot::Compiling)
        ) {
            std::thread::yield_now();
        }
    }

    #[test]
    fn a_file_is_read_and_compiled_once_by_a_worker() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::fs::create_dir(&a).unwrap();
        std::fs::write(a.join("default.nix"), "{ x = 1; }").unwrap();
        let path = canon_path(&a.to_string_lossy());
        let mut p = Prefetcher::new();
        p.enabled = true;
        p.request([path.clone()], bare);
        wait_for(&p, &path);
        let got = p.take(&path).expect("compiled by the worker");
        // A directory means its default.nix, as `import` reads it.
        assert_eq!(got.file, a.join("default.nix"));
        assert_eq!(got.text, "{ x = 1; }");
        assert!(matches!(&*got.expr, Expr::Attrs(..)));
        // Asked again, it is gone: the importer caches the value anyway.
        assert!(p.take(&path).is_none());

        // A file that does not parse or compile is left to the importer.
        for (name, text) in [("c.nix", "{ x = ; }"), ("d.nix", "y")] {
            let f = dir.path().join(name);
            std::fs::write(&f, text).unwrap();
            let path = canon_path(&f.to_string_lossy());
            p.request([path.clone()], bare);
            wait_for(&p, &path);
            assert!(p.take(&path).is_none(), "{name}");
        }
    }

    #[test]
    fn the_workers_code_evaluates_as_the_evaluators_own() {
        // Builtins with a count (`builtins`, `derivation`, `builtins.nixVersion`) are
        // looked up when first used; those without (`builtins.length`) are folded in.
        let text = r#"
          let
            inherit (builtins) length;
            b = builtins;
            d = derivation { name = "x"; system = "s"; builder = "/b"; };
          in {
            n = length [ 1 2 ] + b.length [ 1 ] + builtins.length [ ];
            v = builtins.nixVersion;
            p = builtins.storeDir;
            d = d.name;
            t = builtins.typeOf true;
            s = builtins.substring 0 3 "abcdef";
            r = (import ./e.nix).e;
          }
        "#;
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.nix");
        std::fs::write(&a, text).unwrap();
        std::fs::write(
            dir.path().join("e.nix"),
            "{ e = builtins.length [ 1 2 3 ]; }",
        )
        .unwrap();
        let path = canon_path(&a.to_string_lossy());
        let eval = |prefetched: bool| {
            let mut ev = crate::eval::Eval::new(Default::default());
            if prefetched {
                ev.request_prefetch(vec![path.clone()]);
                assert!(ev.prefetch.enabled, "a second core");
                wait_for(&ev.prefetch, &path);
                assert!(matches!(
                    lock(&ev.prefetch.shared).slots.get(&path),
                    Some(Slot::Compiled(..))
                ));
            }
            let v = ev.import_path(&path, None).unwrap();
            let v = ev.force_deep(&v).unwrap();
            let printed = crate::print::print_lazy(&v);
            if prefetched {
                // The worker's code was taken.
                assert!(matches!(
                    lock(&ev.prefetch.shared).slots.get(&path),
                    Some(Slot::Dropped)
                ));
            }
            printed
        };
        let own = eval(false);
        assert!(own.contains("n = 3;") && own.contains("r = 3;"), "{own}");
        assert_eq!(eval(true), own);
    }
}
