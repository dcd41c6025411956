//! Freeing in bounded runs. When the last handle to a thunk, scope or shared value
//! goes, it is freed at once, and what it held with it, recursively: a scope that dies
//! can take a whole evaluation's intermediate structures with it (`fixpoint`'s option
//! tree dies with the last option it evaluates, and freeing it was the last 8% of the
//! run). Past [`RUN`] frees in a row without an allocation between them, the next
//! allocations to die are put aside instead, whole, and freed a few at a time by the
//! allocations that follow ([`allocating`]). So such a run costs nothing when the
//! evaluation ends soon after (a process about to exit does not free them at all,
//! as it does not free the final value, see `Eval::leak`), its memory comes back as
//! soon as the evaluation allocates again, and the recursion of a free is at most
//! [`RUN`] deep whatever the shape of the structure.

use std::cell::{Cell, UnsafeCell};
use std::mem::ManuallyDrop;

/// Frees in a row after which dying allocations are put aside.
const RUN: u32 = 4096;
/// Allocations put aside that each new allocation frees (each of which may free up to
/// [`RUN`] more before putting the rest aside).
const PER_ALLOCATION: usize = 2;

/// Frees one allocation (the pointer is to its start); from [`put_aside`]'s caller.
pub(super) type FreeFn = unsafe fn(*mut u8);

thread_local! {
    /// Frees since the last allocation.
    static FREES: Cell<u32> = const { Cell::new(0) };
    /// The allocations put aside. Never dropped (what is left at thread exit stays, as
    /// the values of an evaluation that ends without freeing): a thread-local without
    /// a destructor needs no check on each access, and this is read on every
    /// allocation.
    static ASIDE: UnsafeCell<ManuallyDrop<Vec<(*mut u8, FreeFn)>>> =
        const { UnsafeCell::new(ManuallyDrop::new(Vec::new())) };
}

/// Whether an allocation whose last handle just went should be put aside rather than
/// freed now: counts one free.
#[inline(always)]
pub(super) fn put_aside_now() -> bool {
    let n = FREES.get();
    if n < RUN {
        FREES.set(n + 1);
        false
    } else {
        true
    }
}

/// Puts aside an allocation no handle refers to, for `free` to free later.
///
/// Safety: `free(p)` frees it, and nothing else will.
#[inline]
pub(super) unsafe fn put_aside(p: *mut u8, free: FreeFn) {
    // SAFETY: the list is only used by this thread, and not across a free (see
    // `free_some`), so no other reference to it is alive.
    ASIDE.with(|a| unsafe { (*a.get()).push((p, free)) });
}

/// Called on each allocation of a thunk, scope or shared value: a new run of frees
/// starts, and a few of the allocations put aside are freed.
#[inline(always)]
pub(super) fn allocating() {
    FREES.set(0);
    // SAFETY: as in `put_aside`.
    if ASIDE.with(|a| unsafe { !(*a.get()).is_empty() }) {
        free_some(PER_ALLOCATION);
    }
}

#[cold]
#[inline(never)]
fn free_some(n: usize) {
    for _ in 0..n {
        // SAFETY: as in `put_aside`; the reference ends before the free, which may put
        // more aside.
        let Some((p, free)) = ASIDE.with(|a| unsafe { (*a.get()).pop() }) else {
            return;
        };
        // SAFETY: put aside by `put_aside`, whose caller gave `free` as its way to be
        // freed; popped, so freed once.
        unsafe { free(p) };
    }
}

/// Frees everything put aside (and what that frees): for an evaluator that ends
/// without the process ending.
pub fn free_all() {
    while aside() != 0 {
        FREES.set(0);
        free_some(1);
    }
}

/// How many allocations are put aside.
pub fn aside() -> usize {
    // SAFETY: as in `put_aside`.
    ASIDE.with(|a| unsafe { (*a.get()).len() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Shared;
    use std::rc::Rc;

    /// A link of a chain, counting its drops.
    struct Link {
        _next: Option<Shared<Link>>,
        dropped: Rc<Cell<usize>>,
    }

    impl Drop for Link {
        fn drop(&mut self) {
            self.dropped.set(self.dropped.get() + 1);
        }
    }

    #[test]
    fn a_long_run_is_put_aside_and_freed_by_later_allocations() {
        // A thread of its own: the counters and the list are per thread.
        std::thread::spawn(|| {
            let dropped = Rc::new(Cell::new(0));
            let n = 3 * RUN as usize;
            let mut head = None;
            for _ in 0..n {
                head = Some(Shared::new(Link {
                    _next: head.take(),
                    dropped: dropped.clone(),
                }));
            }
            drop(head);
            // The first RUN links were freed at once, the rest of the chain is aside.
            assert_eq!(dropped.get(), RUN as usize);
            assert_eq!(aside(), 1);
            // One allocation frees about RUN more (each allocation put aside that it
            // takes is freed, then RUN of what that frees), and puts the rest aside.
            let one = Shared::new(0u8);
            let freed = dropped.get() - RUN as usize;
            assert!(
                (RUN as usize..=RUN as usize + PER_ALLOCATION).contains(&freed),
                "{freed}"
            );
            assert_eq!(aside(), 1);
            drop(one);
            free_all();
            assert_eq!(dropped.get(), n);
            assert_eq!(aside(), 0);
            // Short runs are freed at once.
            let x = Shared::new(Link {
                _next: None,
                dropped: dropped.clone(),
            });
            drop(x);
            assert_eq!(dropped.get(), n + 1);
            assert_eq!(aside(), 0);
        })
        .join()
        .expect("test thread");
    }
}
