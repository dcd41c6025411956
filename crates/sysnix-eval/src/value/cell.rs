//! [`ThunkCell`]: a thunk's mutable state, as a `RefCell` would hold it, plus the
//! thunk's place in the cycle collector's registry ([`super::gc`]), in the same 32 bytes
//! a `RefCell<ThunkState>` takes (its borrow flag is 4 bytes here instead of 8); and
//! [`ThunkPtr`], the counted handle to one, in 40 bytes where an `Rc` took 48 (one word
//! of counts instead of two: thunks are most of an evaluation's allocations).

use super::ThunkState;
use std::cell::{Cell, UnsafeCell};
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

/// Not registered with the collector.
pub(super) const UNREGISTERED: u32 = u32::MAX;

pub struct ThunkCell {
    state: UnsafeCell<ThunkState>,
    /// 0: free; n > 0: n shared borrows; -1: borrowed mutably.
    borrow: Cell<i32>,
    /// Index in the collector's registry, or [`UNREGISTERED`].
    pub(super) reg: Cell<u32>,
}

/// The state is borrowed elsewhere (as `RefCell`'s `BorrowError`).
#[derive(Debug)]
pub struct BorrowError;

impl ThunkCell {
    pub fn new(state: ThunkState) -> ThunkCell {
        ThunkCell {
            state: UnsafeCell::new(state),
            borrow: Cell::new(0),
            reg: Cell::new(UNREGISTERED),
        }
    }

    #[inline]
    pub fn try_borrow(&self) -> Result<StateRef<'_>, BorrowError> {
        let b = self.borrow.get();
        if b < 0 || b == i32::MAX {
            return Err(BorrowError);
        }
        self.borrow.set(b + 1);
        Ok(StateRef { cell: self })
    }

    #[inline]
    pub fn try_borrow_mut(&self) -> Result<StateMut<'_>, BorrowError> {
        if self.borrow.get() != 0 {
            return Err(BorrowError);
        }
        self.borrow.set(-1);
        Ok(StateMut { cell: self })
    }

    /// The value of a finished thunk, without taking a borrow: a finished state never
    /// changes while evaluation runs (the collector resets only garbage, between
    /// evaluation steps), and no mutable borrow is out when the flag says so.
    #[inline(always)]
    pub fn done_value(&self) -> Option<super::Value> {
        self.done_ref().cloned()
    }

    /// The value of a finished thunk, borrowed: as [`ThunkCell::done_value`].
    ///
    /// A finished state is replaced in two cases only: an application that was
    /// re-entered (applications are not blackholed) finishes again, when the outer
    /// evaluation of it, further up the stack, returns; and the collector resets a
    /// thunk that is garbage. So the reference stays valid while the caller evaluates
    /// other things, as long as the caller (or what it holds) keeps the thunk reachable:
    /// an evaluation up the stack cannot finish before the caller returns, and a
    /// reachable thunk is not garbage. `==` and `toJSON` rely on this.
    #[inline]
    pub fn done_ref(&self) -> Option<&super::Value> {
        if self.borrow.get() < 0 {
            return None;
        }
        // Safety: no mutable borrow exists (checked above); see the doc above for when
        // a finished state may be replaced, which cannot happen while the reference is
        // held.
        match unsafe { &*self.state.get() } {
            ThunkState::Done(v) => Some(v),
            _ => None,
        }
    }

    /// Stores the value of a finished evaluation. The state is then a blackhole, which
    /// holds nothing to drop, so it is overwritten without a drop (any other state is
    /// replaced the ordinary way). Panics when borrowed, as `borrow_mut`.
    #[inline]
    #[track_caller]
    pub fn finish(&self, v: super::Value) {
        if self.borrow.get() == 0
            // Safety: no borrow is out (checked above), and nothing runs in between.
            && matches!(unsafe { &*self.state.get() }, ThunkState::Blackhole(_))
        {
            // Safety: as above; a blackhole needs no drop.
            unsafe { self.state.get().write(ThunkState::Done(v)) };
        } else {
            *self.borrow_mut() = ThunkState::Done(v);
        }
    }

    /// Panics when borrowed mutably, as `RefCell::borrow`.
    #[inline]
    #[track_caller]
    pub fn borrow(&self) -> StateRef<'_> {
        self.try_borrow()
            .expect("thunk state already borrowed mutably")
    }

    /// Panics when borrowed, as `RefCell::borrow_mut`.
    #[inline]
    #[track_caller]
    pub fn borrow_mut(&self) -> StateMut<'_> {
        self.try_borrow_mut().expect("thunk state already borrowed")
    }
}

impl Drop for ThunkCell {
    fn drop(&mut self) {
        super::gc::unregister(self);
    }
}

pub struct StateRef<'a> {
    cell: &'a ThunkCell,
}

impl Deref for StateRef<'_> {
    type Target = ThunkState;
    #[inline]
    fn deref(&self) -> &ThunkState {
        // Safety: a shared borrow is counted, so no mutable one exists.
        unsafe { &*self.cell.state.get() }
    }
}

impl Drop for StateRef<'_> {
    #[inline]
    fn drop(&mut self) {
        self.cell.borrow.set(self.cell.borrow.get() - 1);
    }
}

pub struct StateMut<'a> {
    cell: &'a ThunkCell,
}

impl Deref for StateMut<'_> {
    type Target = ThunkState;
    #[inline]
    fn deref(&self) -> &ThunkState {
        // Safety: this is the only borrow.
        unsafe { &*self.cell.state.get() }
    }
}

impl DerefMut for StateMut<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut ThunkState {
        // Safety: this is the only borrow.
        unsafe { &mut *self.cell.state.get() }
    }
}

impl Drop for StateMut<'_> {
    #[inline]
    fn drop(&mut self) {
        self.cell.borrow.set(0);
    }
}

/// A thunk's allocation: its counts, then its cell.
#[repr(C)]
pub(crate) struct ThunkBox {
    pub(crate) counts: Counts,
    pub(crate) cell: ThunkCell,
}

/// The handle count (low half) and the cycle collector's scratch count (high half,
/// what `Rc`'s weak count is to the other nodes, see [`super::gc`]) of a thunk or a
/// scope, in one word where `Rc` keeps its strong count: cloning and dropping any value
/// is then the same code whatever it holds. The scratch count is zero except during a
/// collection's walk, when nothing is dropped (a handle dropped then would not free its
/// node, since the word would not reach zero).
pub(crate) struct Counts(Cell<usize>);

const LOW: usize = u32::MAX as usize;

impl Counts {
    #[inline]
    pub(crate) fn one() -> Counts {
        Counts(Cell::new(1))
    }

    #[inline]
    pub(crate) fn strong(&self) -> usize {
        self.0.get() & LOW
    }

    /// One more handle.
    #[inline]
    pub(crate) fn inc(&self) {
        let n = self.0.get().wrapping_add(1);
        self.0.set(n);
        if n & LOW == 0 {
            // 2^32 handles to one node: only a bug makes that many.
            std::process::abort();
        }
    }

    /// One handle fewer unless this is the last (then false, and nothing changes).
    #[inline(always)]
    pub(crate) fn release_shared(&self) -> bool {
        let n = self.0.get();
        if n == 1 {
            return false;
        }
        self.0.set(n - 1);
        true
    }

    /// One handle fewer; true when it was the last.
    #[inline]
    pub(crate) fn dec(&self) -> bool {
        let n = self.0.get() - 1;
        self.0.set(n);
        n == 0
    }

    #[inline]
    pub(crate) fn mark(&self) -> usize {
        self.0.get() >> 32
    }

    #[inline]
    pub(crate) fn mark_add(&self, n: usize) {
        self.0.set(self.0.get() + (n << 32));
    }

    #[inline]
    pub(crate) fn mark_sub(&self, n: usize) {
        self.0.set(self.0.get() - (n << 32));
    }
}

/// A counted handle to a [`ThunkCell`] (as `Rc<ThunkCell>`, without weak references).
#[repr(transparent)]
pub struct ThunkPtr(NonNull<ThunkBox>);

impl ThunkPtr {
    /// A new thunk cell, counted once.
    #[inline]
    pub fn new(cell: ThunkCell) -> ThunkPtr {
        const { assert!(std::mem::size_of::<ThunkBox>() == super::pool::BLOCK) };
        const { assert!(std::mem::align_of::<ThunkBox>() <= 8) };
        super::release::allocating();
        let p = super::pool::alloc().cast::<ThunkBox>();
        // SAFETY: a pool block has the size and alignment of a `ThunkBox`.
        unsafe {
            p.as_ptr().write(ThunkBox {
                counts: Counts::one(),
                cell,
            })
        };
        ThunkPtr(p)
    }

    #[inline]
    fn boxed(&self) -> &ThunkBox {
        // SAFETY: a handle keeps its allocation alive.
        unsafe { self.0.as_ref() }
    }

    /// Number of handles.
    #[inline]
    pub fn strong_count(&self) -> usize {
        self.boxed().counts.strong()
    }

    /// The allocation, as the collector and the printer's identity check see it.
    #[inline]
    pub(crate) fn as_ptr(&self) -> *const ThunkBox {
        self.0.as_ptr()
    }

    /// Whether two handles are to the same thunk.
    #[inline]
    pub fn ptr_eq(a: &ThunkPtr, b: &ThunkPtr) -> bool {
        a.0 == b.0
    }

    /// A new handle to the thunk at `p` (from [`ThunkPtr::as_ptr`]), counted.
    ///
    /// Safety: the thunk at `p` is alive.
    #[inline]
    pub(crate) unsafe fn from_ptr(p: *const ThunkBox) -> ThunkPtr {
        // SAFETY: alive, so not null.
        let t = ThunkPtr(unsafe { NonNull::new_unchecked(p as *mut ThunkBox) });
        std::mem::forget(t.clone());
        t
    }
}

impl Deref for ThunkPtr {
    type Target = ThunkCell;
    #[inline]
    fn deref(&self) -> &ThunkCell {
        &self.boxed().cell
    }
}

impl Clone for ThunkPtr {
    #[inline]
    fn clone(&self) -> ThunkPtr {
        self.boxed().counts.inc();
        ThunkPtr(self.0)
    }
}

impl Drop for ThunkPtr {
    #[inline]
    fn drop(&mut self) {
        if self.boxed().counts.dec() {
            // SAFETY: the last handle.
            unsafe { free_thunk(self.0) }
        }
    }
}

/// Drops a thunk's cell and frees it (out of line, as `Rc`'s `drop_slow`: most drops
/// are not the last).
///
/// Past a long run of frees, the thunk is put aside instead ([`super::release`]), out of
/// the collector's registry (which must not walk a thunk no handle refers to).
///
/// Safety: `p` came from [`ThunkPtr::new`] and no handle refers to it any more.
#[inline(never)]
unsafe fn free_thunk(p: NonNull<ThunkBox>) {
    if super::release::put_aside_now() {
        // SAFETY: the thunk is alive until freed.
        let cell = unsafe { &(*p.as_ptr()).cell };
        super::gc::unregister(cell);
        // SAFETY: `free_thunk_now` frees it, once, from the list.
        unsafe { super::release::put_aside(p.as_ptr().cast(), free_thunk_now) };
        return;
    }
    unsafe { free_thunk_now(p.as_ptr().cast()) }
}

/// Drops a thunk's cell and frees it now.
///
/// Safety: `p` is a `ThunkBox` from [`ThunkPtr::new`] no handle refers to.
unsafe fn free_thunk_now(p: *mut u8) {
    unsafe {
        std::ptr::drop_in_place(p as *mut ThunkBox);
        super::pool::free(NonNull::new_unchecked(p));
    }
}
