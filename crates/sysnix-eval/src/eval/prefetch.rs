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
//! Nothing observable changes: `import` still reads the file itself and uses the
//! worker's parse only when the worker read the same file with the same text; a path
//! never imported costs only the worker's time. The worker needs a spare core: with
//! one (or `SYSNIX_PREFETCH=0`) nothing is prefetched.

use super::import::{read_source, resolve_nix_file};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
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
    slots: Mutex<HashMap<String, Slot>>,
    changed: Condvar,
}

/// The evaluator's side of the worker.
pub struct Prefetcher {
    enabled: bool,
    shared: Arc<Shared>,
    /// Started with the first request.
    tx: Option<Sender<String>>,
    requested: HashSet<String>,
}

impl Prefetcher {
    pub fn new() -> Prefetcher {
        let spare_core = std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
        let wanted = std::env::var_os("SYSNIX_PREFETCH").is_none_or(|v| v != "0");
        Prefetcher {
            enabled: spare_core && wanted,
            shared: Arc::new(Shared {
                slots: Mutex::new(HashMap::new()),
                changed: Condvar::new(),
            }),
            tx: None,
            requested: HashSet::new(),
        }
    }

    /// Asks for `path` (canonical, as `import` will get it) to be parsed ahead.
    pub fn request(&mut self, path: &str) {
        if !self.enabled || !self.requested.insert(path.to_string()) {
            return;
        }
        if self.tx.is_none() {
            self.tx = self.start();
            if self.tx.is_none() {
                self.enabled = false;
                return;
            }
        }
        lock(&self.shared).insert(path.to_string(), Slot::Queued);
        if let Some(tx) = &self.tx
            && tx.send(path.to_string()).is_err()
        {
            self.enabled = false;
            lock(&self.shared).insert(path.to_string(), Slot::Dropped);
        }
    }

    fn start(&self) -> Option<Sender<String>> {
        let (tx, rx) = channel::<String>();
        let shared = self.shared.clone();
        std::thread::Builder::new()
            .name("sysnix-parse".into())
            // rnix's parser recurses on nesting, as the evaluator does.
            .stack_size(256 << 20)
            .spawn(move || {
                let mut budget = MAX_BYTES;
                for path in rx {
                    work(&shared, path, &mut budget);
                }
            })
            .ok()
            .map(|_| tx)
    }

    /// The parse of `text`, the content of `file` that `import path` just read, if the
    /// worker made it (waiting for it if under way); `None`: parse it yourself.
    pub fn take(&mut self, path: &str, file: &Path, text: &str) -> Option<rnix::Parse<rnix::Root>> {
        if !self.requested.contains(path) {
            return None;
        }
        let mut slots = lock(&self.shared);
        loop {
            match slots.get(path) {
                Some(Slot::Parsing) => {
                    slots = self
                        .shared
                        .changed
                        .wait(slots)
                        .unwrap_or_else(|e| e.into_inner());
                }
                Some(Slot::Queued) => {
                    slots.insert(path.to_string(), Slot::Dropped);
                    return None;
                }
                Some(Slot::Parsed(..)) => {
                    let Some(Slot::Parsed(f, t, parse)) =
                        slots.insert(path.to_string(), Slot::Dropped)
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

impl Default for Prefetcher {
    fn default() -> Self {
        Prefetcher::new()
    }
}

fn lock(shared: &Shared) -> std::sync::MutexGuard<'_, HashMap<String, Slot>> {
    shared.slots.lock().unwrap_or_else(|e| e.into_inner())
}

/// The worker: parses `path` unless `import` took it first or `budget` (bytes of
/// source still to parse) is spent. A file that cannot be read is the importer's to
/// report.
fn work(shared: &Shared, path: String, budget: &mut usize) {
    {
        let mut slots = lock(shared);
        match slots.get(&path) {
            Some(Slot::Queued) => {
                slots.insert(path.clone(), Slot::Parsing);
            }
            _ => return,
        }
    }
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
    lock(shared).insert(path, slot);
    shared.changed.notify_all();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compiler::canon_path;
    use rowan::ast::AstNode;

    #[test]
    fn a_prefetched_parse_is_used_only_for_the_same_text() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.nix");
        std::fs::write(&a, "{ x = 1; }").unwrap();
        let path = canon_path(&a.to_string_lossy());
        let mut p = Prefetcher::new();
        p.enabled = true;
        p.request(&path);
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
        p.request(&path);
        // Wait until the worker has read it, then claim a different text.
        loop {
            if matches!(lock(&p.shared).get(&path), Some(Slot::Parsed(..))) {
                break;
            }
            std::thread::yield_now();
        }
        assert!(p.take(&path, &b, "2").is_none());
    }
}
