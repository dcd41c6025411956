//! [`ThunkCell`]: a thunk's mutable state, as a `RefCell` would hold it, plus the
//! thunk's place in the cycle collector's registry ([`super::gc`]), in the same 32 bytes
//! a `RefCell<ThunkState>` takes (its borrow flag is 4 bytes here instead of 8).

use super::ThunkState;
use std::cell::{Cell, UnsafeCell};
use std::ops::{Deref, DerefMut};

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
