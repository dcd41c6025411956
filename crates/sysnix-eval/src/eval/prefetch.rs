//! Parsing ahead on a second core.
//!
//! Parsing is a large share of evaluating a configuration: a module system imports
//! hundreds of files, each parsed once (a quarter of the instructions at 300 service
//! modules, two thirds of it inside rnix). Evaluation is single-threaded, but the
//! files it will import are usually written as literal paths in files it already
//! compiled (`imports = [ ./a.nix ./b.nix ];`, a module list, `import ./lib.nix`). So
//! each literal `.nix` path the compiler meets is handed to a worker thread, which
//! reads and parses it (rnix's green tree is `Send`) while evaluation goes on. When
//! `import` reaches the file it takes the parse if it is ready, waits if it is under
//! way, and parses the file itself if the worker has not started on it.
//!
//! The worker takes the files named by the file compiled last first: a file's
//! literal paths are a batch, and a newer batch goes before the rest of older ones.
//! A configuration's entry file names its modules, then imports the lib, whose
//! files are needed at once, long before the last module; in the order of requests
//! evaluation reached each lib file while the worker was still on the modules, and
//! parsed it itself.
//!
//! Nothing observable changes: `import` still reads the file itself and uses the
//! worker's parse only when the worker read the same file with the same text; a path
//! never imported costs only the worker's time. The worker needs a spare core: with
//! one (or `SYSNIX_PREFETCH=0`) nothing is prefetched.

use super::import::{read_source, resolve_nix_file};
use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

/// Source text the worker parses, at most (a bound on what paths never imported can
/// cost); past it, `import` parses for itself.
const MAX_BYTES: usize = 256 << 20;

/// A requested file, in the worker's hands or done.
enum Slot {
    /// Waiting for the worker.
    Queued,
    /// The worker is parsing it.
    Parsing,
    /// Parsed: the file read (after resolving symlinks and `default.nix`), its text
    /// and the parse.
    Parsed(PathBuf, String, rnix::Parse<rnix::Root>),
    /// Taken by `import` before the worker started, or failed: not the worker's.
    Dropped,
}

struct Shared {
    state: Mutex<State>,
    /// A slot left `Parsing`.
    changed: Condvar,
    /// Work was queued.
    queued: Condvar,
}

#[derive(Default)]
struct State {
    slots: HashMap<String, Slot>,
    /// What the worker parses next, from the front.
    queue: VecDeque<String>,
    /// The evaluator is gone: the worker stops.
    closed: bool,
}

/// The evaluator's side of the worker.
pub struct Prefetcher {
    enabled: bool,
    shared: Arc<Shared>,
    /// Whether the worker runs (started with the first request).
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
                changed: Condvar::new(),
                queued: Condvar::new(),
            }),
            started: false,
            requested: HashSet::new(),
        }
    }

    /// Asks for `paths` (canonical, as `import` will get them), the literal paths of one
    /// file, to be parsed ahead: before what older requests left, in their order.
    pub fn request(&mut self, paths: impl IntoIterator<Item = String>) {
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
            self.started = self.start();
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

    fn start(&self) -> bool {
        let shared = self.shared.clone();
        std::thread::Builder::new()
            .name("sysnix-parse".into())
            // rnix's parser recurses on nesting, as the evaluator does.
            .stack_size(256 << 20)
            .spawn(move || {
                let mut budget = MAX_BYTES;
                while let Some(path) = next(&shared) {
                    work(&shared, path, &mut budget);
                }
            })
            .is_ok()
    }

    /// The parse of `text`, the content of `file` that `import path` just read, if the
    /// worker made it (waiting for it if under way); `None`: parse it yourself.
    pub fn take(&mut self, path: &str, file: &Path, text: &str) -> Option<rnix::Parse<rnix::Root>> {
        if !self.requested.contains(path) {
            return None;
        }
        let mut state = lock(&self.shared);
        loop {
            match state.slots.get(path) {
                Some(Slot::Parsing) => {
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
                Some(Slot::Parsed(..)) => {
                    let Some(Slot::Parsed(f, t, parse)) =
                        state.slots.insert(path.to_string(), Slot::Dropped)
                    else {
                        return None;
                    };
                    return (f == file && t == text).then_some(parse);
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

/// The worker's next file, marked `Parsing`: the first queued path `import` did not
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
                    *slot = Slot::Parsing;
                    return Some(path);
                }
            }
            None => state = shared.queued.wait(state).unwrap_or_else(|e| e.into_inner()),
        }
    }
}

/// The worker: parses `path` (marked `Parsing`) unless `budget` (bytes of source still
/// to parse) is spent. A file that cannot be read is the importer's to report.
fn work(shared: &Shared, path: String, budget: &mut usize) {
    let file = resolve_nix_file(&path);
    let text = read_source(&file).ok().filter(|t| t.len() <= *budget);
    *budget -= text.as_ref().map_or(0, String::len);
    let parsed = text.and_then(|text| {
        // A panic in the parser must not leave `import` waiting: it parses itself.
        std::panic::catch_unwind(|| rnix::Root::parse(&text))
            .ok()
            .map(|parse| (text, parse))
    });
    let slot = match parsed {
        Some((text, parse)) => Slot::Parsed(file, text, parse),
        None => Slot::Dropped,
    };
    lock(shared).slots.insert(path, slot);
    shared.changed.notify_all();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compiler::canon_path;
    use rowan::ast::AstNode;

    #[test]
    fn the_newest_batch_goes_first() {
        let mut p = Prefetcher::new();
        p.enabled = true;
        // No worker: the queue stays as requests leave it.
        p.started = true;
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        p.request(names(&["/m/a.nix", "/m/b.nix"]));
        p.request(names(&["/lib/x.nix", "/m/a.nix", "/lib/y.nix"]));
        let queue: Vec<String> = lock(&p.shared).queue.iter().cloned().collect();
        // A path asked for again keeps its place; the new ones go first, in order.
        assert_eq!(
            queue,
            names(&["/lib/x.nix", "/lib/y.nix", "/m/a.nix", "/m/b.nix"])
        );
    }

    #[test]
    fn a_prefetched_parse_is_used_only_for_the_same_text() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.nix");
        std::fs::write(&a, "{ x = 1; }").unwrap();
        let path = canon_path(&a.to_string_lossy());
        let mut p = Prefetcher::new();
        p.enabled = true;
        p.request([path.clone()]);
        // Wait for the worker to finish (or be overtaken: then `take` says None).
        let got = p.take(&path, &a, "{ x = 1; }");
        if let Some(parse) = got {
            assert!(parse.errors().is_empty());
            assert_eq!(parse.tree().syntax().to_string(), "{ x = 1; }");
        }
        // Asked again, it is gone: the importer caches the value anyway.
        assert!(p.take(&path, &a, "{ x = 1; }").is_none());

        let b = dir.path().join("b.nix");
        std::fs::write(&b, "1").unwrap();
        let path = canon_path(&b.to_string_lossy());
        p.request([path.clone()]);
        // Wait until the worker has read it, then claim a different text.
        loop {
            if matches!(lock(&p.shared).slots.get(&path), Some(Slot::Parsed(..))) {
                break;
            }
            std::thread::yield_now();
        }
        assert!(p.take(&path, &b, "2").is_none());
    }
}
