//! A cycle collector for the evaluator's reference-counted heap.
//!
//! Values are shared through counted handles, which free everything except cycles.
//! Laziness makes cycles common: a thunk suspended in a scope that holds the thunk (`let x = … x …`),
//! a set whose values are thunks that evaluate to the set (`let self = { a = self; }`),
//! the fixed points of the module system. Nix's tracing collector reclaims them; plain
//! reference counting would keep them until the process exits.
//!
//! Every cycle passes through a thunk: sets, lists, closures and scopes only point to
//! values that existed when they were made, so a node can reach something newer than
//! itself only through a thunk (whose state changes when it is forced) or a scope slot
//! set after the scope was made, which always holds a thunk. So thunks are registered
//! when made, and a collection is a *trial deletion* over the registered thunks and
//! everything they reach:
//!
//! 1. walk that graph, counting for each node how many of its references come from
//!    nodes of the graph (its *internal* references);
//! 2. a node with more references than internal ones is held from outside the graph
//!    (the Rust stack, the evaluator's caches, compiled code, a thunk not in the
//!    graph): it and everything it reaches are live;
//! 3. the rest is reachable only from itself: garbage. Its thunks are reset to a
//!    finished state holding nothing, which breaks every cycle, and reference counting
//!    frees the rest.
//!
//! The collector never needs to know the roots: anything it cannot see (a value on the
//! Rust stack, a thunk being evaluated right now, whose state is on the stack too)
//! shows up as a reference from outside, which keeps it alive. This holds for any part
//! of the heap, so collections are generational: they walk the thunks made since the
//! last one (and, every [`FANOUT`] collections, the survivors of the last few), and stop
//! at older thunks. After collections that free nothing, whole windows are tenured
//! without a walk ([`MAX_SKIP`]): what they would have freed is kept, never what is
//! live. It is sound as long as the walk counts exactly the references that
//! exist, so `Node::edges` (`trial.rs`) is the one place to update when a value type
//! gains a field holding values. The count is kept in each allocation, in the high half
//! of the count word that every thunk, scope and [`Shared`](super::Shared) allocation
//! starts with: no side table,
//! and the walk touches only the nodes.

use super::cell::UNREGISTERED;
use super::cell::{ThunkBox, ThunkCell};
use super::{ThunkPtr, ThunkState, Value};
use std::cell::{Cell, RefCell};

mod trial;
use trial::find_garbage;

/// Thunks made between two collections (whether they are still alive or not): small
/// enough that what a collection frees is still in the processor's cache when the
/// evaluator allocates again.
/// Measured on the module benchmark (interleaved runs): 4096 beat 16384 by 10% at
/// N = 300 and by 21% at N = 1000 and 3000 (the walk of a window fits in the
/// processor's cache), 32768 was 40% slower; 2048 was no better.
const YOUNG: usize = 1 << 12;
/// Thunks made before the collector starts. Registering costs time and a registry word
/// per live thunk, which small evaluations (most cycles-free) do not win back; those
/// that make millions of thunks, like the module system's, do. Cycles made only of thunks from before are not
/// collected (they were never registered, so the walk treats them as outside).
const ARM_AFTER: usize = 1 << 20;
/// A collection's window grows to take in the survivors of earlier collections when
/// `FANOUT - 1` segments of the same level lie just below the young thunks...
const FANOUT: usize = 4;
/// ... up to this level; survivors of a collection at this level are tenured. Measured
/// on the module-system benchmark (N = 1000): one level frees 12% more than none for
/// the same time; more levels free a few percent more for 10-40% more time.
const MAX_LEVEL: u8 = 1;
/// After two collections in a row that freed nothing (quiet ones) the collector starts
/// skipping windows: their thunks are tenured unwalked, one window after the second
/// quiet collection, then two, four... up to this many after each further quiet one.
/// A collection that frees anything starts the count again. Evaluations that make no
/// garbage cycles (most of `fixpoint`, a set of plain options) then pay for one walk
/// in `MAX_SKIP + 1` windows; where cycles are made, windows are walked as before.
/// What a skipped window would have freed stays until the process ends: at most
/// `MAX_SKIP` windows at the end of a quiet phase. (Widening the window instead, an
/// earlier try, walked memory no longer in the cache: the module benchmark lost 7%.)
const MAX_SKIP: u32 = 16;

/// Survivors of one collection: `thunks[start..]`, up to the next segment.
#[derive(Clone, Copy)]
struct Segment {
    start: usize,
    level: u8,
}

/// The thunks of this thread, in the order they were made.
///
/// `thunks[..tenured_end]` survived a collection at the highest level and are never
/// walked again. Then come the segments, survivors of lower-level collections, and
/// from `young_from` on the thunks made since the last collection. A collection walks
/// the young thunks and, every `FANOUT` collections at a level, the segments of that
/// level too, which merges them into one segment of the next level: a thunk is walked
/// at most `MAX_LEVEL + 1` times, and a cycle that becomes garbage a while after it was
/// made is still found by a wider collection.
struct Registry {
    /// Live thunks (a thunk's `reg` is its index here), or null where one was freed.
    thunks: Vec<*const ThunkBox>,
    segments: Vec<Segment>,
    young_from: usize,
    /// Collect when this many thunks were made since the last collection.
    young: usize,
    /// Collections in a row that freed nothing ([`MAX_SKIP`]).
    quiet: u32,
    /// Windows still to tenure without walking them.
    skip: u32,
    /// Whether quiet collections lead to skipped windows (`SYSNIX_GC_SKIP=0`: never).
    may_skip: bool,
    /// Drop the entries of freed tenured thunks when the tenured part reaches this.
    prune_tenured_at: usize,
    /// Off while a collection runs.
    enabled: bool,
    /// `SYSNIX_GC_STATS`: print a line per collection.
    verbose: bool,
    stats: Stats,
}

impl Registry {
    fn tenured_end(&self) -> usize {
        self.segments.first().map_or(self.young_from, |s| s.start)
    }

    /// Drops the entries of freed tenured thunks once the tenured part has doubled.
    fn prune_tenured(&mut self) {
        let tenured_end = self.tenured_end();
        if tenured_end >= self.prune_tenured_at {
            let removed = compact(&mut self.thunks, 0, tenured_end);
            for s in &mut self.segments {
                s.start -= removed;
            }
            self.young_from -= removed;
            self.prune_tenured_at = (2 * self.tenured_end()).max(YOUNG);
        }
    }
}

/// What the collector did, for `SYSNIX_GC_STATS` and tests.
#[derive(Clone, Copy, Default, Debug)]
pub struct Stats {
    pub collections: usize,
    /// Collections that walked every registered thunk ([`collect_now`], and the first
    /// ones, before any thunk is tenured).
    pub full_collections: usize,
    /// Nodes (thunks, scopes, sets, lists, closures) walked, summed over collections.
    pub nodes_walked: usize,
    /// Thunks found to be garbage, summed over collections.
    pub thunks_freed: usize,
    /// Windows tenured without a walk (after quiet collections).
    pub skipped: usize,
}

/// Knobs for tests and measurements: `SYSNIX_GC=0` turns the collector off,
/// `SYSNIX_GC_YOUNG=n` collects after every `n` thunks, `SYSNIX_GC_AFTER=n` starts
/// registering thunks after the first `n`, `SYSNIX_GC_SKIP=0` walks every window (see
/// [`MAX_SKIP`]); `SYSNIX_GC_STATS=1` prints a line per
/// collection (and `sysnix eval` a summary).
fn env_number(name: &str) -> Option<usize> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry {
        thunks: Vec::new(),
        segments: Vec::new(),
        young_from: 0,
        young: env_number("SYSNIX_GC_YOUNG").unwrap_or(YOUNG).max(1),
        quiet: 0,
        skip: 0,
        may_skip: std::env::var_os("SYSNIX_GC_SKIP").is_none_or(|v| v != "0"),
        prune_tenured_at: YOUNG,
        enabled: true,
        verbose: std::env::var_os("SYSNIX_GC_STATS").is_some(),
        stats: Stats::default(),
    });
    /// Whether `SYSNIX_GC_AFTER` was given (then [`arm_now`] leaves the start to it).
    static AFTER_GIVEN: Cell<bool> = Cell::new(std::env::var_os("SYSNIX_GC_AFTER").is_some());
    /// Thunks still to be made before registering starts.
    static UNTIL_ARMED: Cell<usize> = Cell::new(
        if std::env::var_os("SYSNIX_GC").is_some_and(|v| v == "0") {
            usize::MAX
        } else {
            env_number("SYSNIX_GC_AFTER").unwrap_or(ARM_AFTER)
        }
    );
}

/// Starts registering thunks now rather than after the first `ARM_AFTER`: for workloads
/// known to make garbage cycles from the start (the module system's fixed points, whose
/// `config`, `options` and option records refer to each other through the scopes that
/// build them). Does nothing when the collector is off or `SYSNIX_GC_AFTER` says when
/// to start.
pub fn arm_now() {
    let until = UNTIL_ARMED.get();
    // Off (`SYSNIX_GC=0`) counts down from usize::MAX and never gets near zero.
    if until > 0 && until < usize::MAX / 2 && !AFTER_GIVEN.get() {
        UNTIL_ARMED.set(0);
    }
}

/// Registers a new thunk; may run a collection first (the new thunk is held by the
/// caller, so it is live).
#[inline]
pub(super) fn register(t: &ThunkPtr) {
    let until = UNTIL_ARMED.get();
    if until > 0 {
        UNTIL_ARMED.set(until - 1);
        return;
    }
    let due = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let Ok(i) = u32::try_from(r.thunks.len()) else {
            return false;
        };
        if i == UNREGISTERED {
            return false;
        }
        t.reg.set(i);
        r.thunks.push(t.as_ptr());
        r.enabled && r.thunks.len() - r.young_from >= r.young
    });
    if due {
        maintain();
    }
}

/// Called when a registered thunk is freed (or put aside to be freed later): its entry
/// is emptied and it is no longer registered.
#[inline]
pub(super) fn unregister(t: &ThunkCell) {
    let i = t.reg.get();
    if i != UNREGISTERED {
        t.reg.set(UNREGISTERED);
        // The registry is never borrowed while thunks are freed; at thread exit it may
        // be gone already.
        let _ = REGISTRY.try_with(|r| {
            if let Ok(mut r) = r.try_borrow_mut()
                && let Some(slot) = r.thunks.get_mut(i as usize)
            {
                *slot = std::ptr::null();
            }
        });
    }
}

/// Drops the freed entries of `thunks[from..to]`, moving the rest down (and their
/// indexes with them). Returns how many were dropped.
fn compact(thunks: &mut Vec<*const ThunkBox>, from: usize, to: usize) -> usize {
    let mut w = from;
    for i in from..thunks.len() {
        let p = thunks[i];
        if i < to && p.is_null() {
            continue;
        }
        if !p.is_null() {
            // Safety: a non-null entry is a live thunk (freed ones null their entry).
            unsafe { &*p }.cell.reg.set(w as u32);
        }
        thunks[w] = p;
        w += 1;
    }
    let removed = thunks.len() - w;
    thunks.truncate(w);
    removed
}

#[inline(never)]
fn maintain() {
    let skipped = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        if r.skip == 0 {
            return false;
        }
        r.skip -= 1;
        // Tenure the window, and the segments below it (survivors of quiet collections
        // waiting for a wider one, which would most likely be quiet too).
        let r = &mut *r;
        let len = r.thunks.len();
        compact(&mut r.thunks, r.young_from, len);
        r.segments.clear();
        r.young_from = r.thunks.len();
        r.prune_tenured();
        r.stats.skipped += 1;
        true
    });
    if skipped {
        return;
    }
    let (from, level) = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        r.enabled = false;
        // Widen the window over full groups of same-level segments below it.
        let (mut from, mut level, mut k) = (r.young_from, 0u8, r.segments.len());
        while level < MAX_LEVEL
            && k >= FANOUT - 1
            && r.segments[k - (FANOUT - 1)..k]
                .iter()
                .all(|s| s.level == level)
        {
            k -= FANOUT - 1;
            from = r.segments[k].start;
            level += 1;
        }
        r.segments.truncate(k);
        (from, level)
    });
    let freed = collect(from);
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let r = &mut *r;
        let len = r.thunks.len();
        compact(&mut r.thunks, from, len);
        if level < MAX_LEVEL {
            r.segments.push(Segment { start: from, level });
        }
        r.young_from = r.thunks.len();
        r.prune_tenured();
        if freed == 0 {
            r.quiet += 1;
            if r.may_skip && r.quiet >= 2 {
                r.skip = (1u32 << (r.quiet - 2).min(31)).min(MAX_SKIP);
            }
        } else {
            r.quiet = 0;
        }
        r.enabled = true;
    });
}

/// Sets this thread's thresholds: collect after every `young` thunks, and register
/// thunks from the `arm_after`-th on (counting from now). For tests.
pub fn set_thresholds(young: usize, arm_after: usize) {
    REGISTRY.with(|r| r.borrow_mut().young = young.max(1));
    UNTIL_ARMED.set(arm_after);
}

/// Statistics so far (this thread).
pub fn stats() -> Stats {
    REGISTRY.with(|r| r.borrow().stats)
}

/// Runs a collection now over every thunk of this thread; they all count as tenured
/// afterwards.
pub fn collect_now() {
    let enabled = REGISTRY.with(|r| std::mem::replace(&mut r.borrow_mut().enabled, false));
    collect(0);
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let len = r.thunks.len();
        compact(&mut r.thunks, 0, len);
        r.segments.clear();
        r.young_from = r.thunks.len();
        r.prune_tenured_at = (2 * r.young_from).max(YOUNG);
        r.enabled = enabled;
    });
}

/// Collects the garbage reachable from the thunks registered from index `from` on.
/// Returns the number of thunks freed.
fn collect(from: usize) -> usize {
    let t0 = std::time::Instant::now();
    let (walked, garbage, verbose) = REGISTRY.with(|r| {
        let r = r.borrow();
        // Safety: no evaluation runs during the walk, so every node stays alive.
        let (walked, garbage) = unsafe { find_garbage(&r.thunks[from..]) };
        (walked, garbage, r.verbose)
    });
    if verbose {
        eprintln!(
            "gc: from {from} walked {walked} garbage thunks {} in {:?}",
            garbage.len(),
            t0.elapsed()
        );
    }
    let freed = garbage.len();
    for t in &garbage {
        if let Ok(mut s) = t.try_borrow_mut() {
            // Dropping the old state may free more of the garbage: `garbage` holds
            // each garbage thunk, so none is freed while this loop still needs it.
            let old = std::mem::replace(&mut *s, ThunkState::Done(Value::Null));
            drop(s);
            drop(old);
        }
    }
    drop(garbage);
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        r.stats.collections += 1;
        r.stats.full_collections += usize::from(from == 0);
        r.stats.nodes_walked += walked;
        r.stats.thunks_freed += freed;
    });
    freed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Eval, EvalOptions};
    use std::path::Path;

    fn eval(ev: &mut Eval, text: &str) -> String {
        let v = ev.eval_string(text, Path::new("/")).expect("evaluates");
        let v = ev.force_deep(&v).expect("forces");
        crate::print::print_lazy(&v)
    }

    /// Each call leaves a cycle (`self` → set → thunk of `b` → scope → `self`) that
    /// reference counting alone never frees.
    const CYCLES: &str = "let f = n: let self = { a = self; b = n; c = self.b; }; in self.c; \
        in builtins.foldl' (acc: n: acc + f n) 0 (builtins.genList (x: x) 5000)";

    #[test]
    fn frees_cycles_and_keeps_results() {
        std::thread::spawn(|| {
            set_thresholds(256, 0);
            let before = stats();
            let mut ev = Eval::new(EvalOptions::default());
            assert_eq!(eval(&mut ev, CYCLES), "12497500");
            collect_now();
            let after = stats();
            assert!(after.collections > before.collections);
            // Every call's `self` and its `a` (never forced) are garbage.
            assert!(
                after.thunks_freed - before.thunks_freed >= 2 * 4900,
                "freed {}",
                after.thunks_freed - before.thunks_freed
            );
        })
        .join()
        .unwrap();
    }

    /// Windows after collections that free nothing are tenured without a walk, and
    /// once cycles are made again, a collection frees them and walking resumes.
    #[test]
    fn quiet_phases_skip_windows_and_garbage_is_still_freed() {
        std::thread::spawn(|| {
            set_thresholds(256, 0);
            let mut ev = Eval::new(EvalOptions::default());
            let start = stats();
            // 20 000 thunks, no cycle: every collection frees nothing.
            let quiet = "builtins.foldl' (a: b: a + b) 0 (builtins.genList (i: i * 2) 20000)";
            assert_eq!(eval(&mut ev, quiet), "399980000");
            let mid = stats();
            let windows = (mid.collections - start.collections) + (mid.skipped - start.skipped);
            assert!(windows >= 70, "{windows} windows");
            assert_eq!(mid.thunks_freed, start.thunks_freed);
            assert!(
                mid.skipped - start.skipped > 3 * (mid.collections - start.collections),
                "skipped {} walked {}",
                mid.skipped - start.skipped,
                mid.collections - start.collections
            );
            // Then 5000 garbage cycles (after the 5000 thunks of their list, which make
            // none): a skipped window is followed by a walk, which finds them, and from
            // then on windows are walked.
            assert_eq!(eval(&mut ev, CYCLES), "12497500");
            let end = stats();
            assert!(
                end.thunks_freed - mid.thunks_freed >= 7000,
                "freed {}",
                end.thunks_freed - mid.thunks_freed
            );
            assert!(end.collections - mid.collections >= 20, "{mid:?} {end:?}");
        })
        .join()
        .unwrap();
    }

    #[test]
    fn live_cycles_survive_collections() {
        std::thread::spawn(|| {
            set_thresholds(1, 0);
            let mut ev = Eval::new(EvalOptions::default());
            // The value is held by this test (the Rust stack): collections in between
            // must not reset anything it reaches, forced or not.
            let v = ev
                .eval_string(
                    "let self = { a = self; n = 5; l = map (x: self.n + x) [ 1 2 ]; }; in self",
                    Path::new("/"),
                )
                .unwrap();
            collect_now();
            let e = ev.eval_string("x: x.a.a.a.n", Path::new("/")).unwrap();
            let n = ev.call(&e, v.clone(), Default::default()).unwrap();
            assert!(matches!(ev.force(&n).unwrap(), Value::Int(5)));
            collect_now();
            assert!(!crate::print::print_lazy(&ev.force_deep(&v).unwrap()).is_empty());
            let e = ev
                .eval_string("x: builtins.elemAt x.a.l 1", Path::new("/"))
                .unwrap();
            let n = ev.call(&e, v.clone(), Default::default()).unwrap();
            assert!(matches!(ev.force(&n).unwrap(), Value::Int(7)));
        })
        .join()
        .unwrap();
    }

    /// Big sets made by `//` share chunks. Each call below leaves a cycle through two
    /// sets sharing a chunk (`s` holds `t`): it is freed, and `keep`, which that chunk
    /// holds and the enclosing scope too, is not. Counted once per set instead of once
    /// per chunk, the chunk's references to `keep` would hide the scope's.
    #[test]
    fn cycles_through_shared_chunks() {
        std::thread::spawn(|| {
            set_thresholds(64, 0);
            let before = stats();
            let mut ev = Eval::new(EvalOptions::default());
            let v = ev
                .eval_string(
                    "let keep = builtins.length [ 1 2 3 ]; \
                     big = builtins.listToAttrs (builtins.genList (i: \
                       { name = \"k${toString i}\"; value = i * 2; }) 2000) // { b = 0; }; \
                     f = n: let t = big // { a0 = keep; }; s = t // { self = s; inherit t n; }; \
                       in s.n; \
                     in [ (builtins.foldl' (acc: n: acc + f n) 0 (builtins.genList (x: x) 300)) \
                          keep big.k1999 ]",
                    Path::new("/"),
                )
                .unwrap();
            let Value::List(l) = &v else { panic!("a list") };
            assert!(matches!(ev.force(&l[0]).unwrap(), Value::Int(44850)));
            collect_now();
            let after = stats();
            assert!(
                after.thunks_freed - before.thunks_freed >= 290,
                "freed {}",
                after.thunks_freed - before.thunks_freed
            );
            assert!(matches!(ev.force(&l[1]).unwrap(), Value::Int(3)));
            assert!(matches!(ev.force(&l[2]).unwrap(), Value::Int(3998)));
        })
        .join()
        .unwrap();
    }

    #[test]
    fn same_results_with_and_without_collections() {
        let run = |young: usize, after: usize| {
            std::thread::spawn(move || {
                set_thresholds(young, after);
                let mut ev = Eval::new(EvalOptions::default());
                eval(
                    &mut ev,
                    "let fix = f: let x = f x; in x; \
                     r = fix (self: { a = 1; b = self.a + 1; l = builtins.genList (i: self.b * i) 50; \
                       s = builtins.mapAttrs (n: v: v + self.a) { x = 1; y = 2; }; }); \
                     in [ r.b (builtins.elemAt r.l 49) r.s (f: f r) ]",
                )
            })
            .join()
            .unwrap()
        };
        let reference = run(usize::MAX, usize::MAX);
        assert_eq!(run(1, 0), reference);
        assert_eq!(run(7, 0), reference);
    }
}
