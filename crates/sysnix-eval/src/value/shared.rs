//! [`Shared`]: the counted handle behind every `Value` variant that points to an
//! allocation (strings, paths, sets, lists, closures, partial applications), as `Rc`
//! without weak references. Its count word is a [`Counts`], at the start of the
//! allocation, as for thunks ([`super::ThunkPtr`]) and scopes: so cloning or dropping
//! any `Value` is one test of the tag and one increment or decrement of the word the
//! payload points to, whatever the variant (`Value`'s `Clone` and `Drop`), and the
//! cycle collector keeps its scratch count in the same word for every node. One word of
//! counts where `Rc` has two saves 8 bytes per allocation.

use super::cell::Counts;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

#[repr(C)]
pub(crate) struct SharedBox<T> {
    pub(crate) counts: Counts,
    pub(crate) value: T,
}

/// A counted handle to a `T` (as `Rc<T>`, without weak references).
/// (`PhantomData`: a handle owns its `T`, for the drop checker.)
#[repr(transparent)]
pub struct Shared<T>(NonNull<SharedBox<T>>, PhantomData<SharedBox<T>>);

impl<T> Shared<T> {
    /// A new allocation holding `value`, counted once.
    #[inline]
    pub fn new(value: T) -> Shared<T> {
        super::release::allocating();
        let b = Box::new(SharedBox {
            counts: Counts::one(),
            value,
        });
        // SAFETY: `Box::into_raw` is never null.
        Shared(
            unsafe { NonNull::new_unchecked(Box::into_raw(b)) },
            PhantomData,
        )
    }

    #[inline(always)]
    pub(crate) fn boxed(&self) -> &SharedBox<T> {
        // SAFETY: a handle keeps its allocation alive.
        unsafe { self.0.as_ref() }
    }

    /// Number of handles.
    #[inline]
    pub fn strong_count(this: &Shared<T>) -> usize {
        this.boxed().counts.strong()
    }

    /// Whether two handles are to the same allocation.
    #[inline]
    pub fn ptr_eq(a: &Shared<T>, b: &Shared<T>) -> bool {
        a.0 == b.0
    }

    /// The value's address (identity, as `Rc::as_ptr`).
    #[inline]
    pub fn as_ptr(this: &Shared<T>) -> *const T {
        &this.boxed().value
    }

    /// The allocation, as the cycle collector sees it.
    #[inline]
    pub(crate) fn box_ptr(this: &Shared<T>) -> *const SharedBox<T> {
        this.0.as_ptr()
    }

    /// The value, mutably, if this is the only handle.
    #[inline]
    pub fn get_mut(this: &mut Shared<T>) -> Option<&mut T> {
        if Shared::strong_count(this) == 1 {
            // SAFETY: the only handle, borrowed mutably.
            Some(unsafe { &mut (*this.0.as_ptr()).value })
        } else {
            None
        }
    }
}

impl<T: Clone> Shared<T> {
    /// The value, mutably: in place if this is the only handle, else in a copy this
    /// handle is moved to (as `Rc::make_mut`).
    #[inline]
    pub fn make_mut(this: &mut Shared<T>) -> &mut T {
        if Shared::strong_count(this) != 1 {
            *this = Shared::new((**this).clone());
        }
        // SAFETY: the only handle now, borrowed mutably.
        unsafe { &mut (*this.0.as_ptr()).value }
    }

    /// The value: moved out if this is the only handle, else cloned.
    #[inline]
    pub fn unwrap_or_clone(this: Shared<T>) -> T {
        if Shared::strong_count(&this) == 1 {
            let this = std::mem::ManuallyDrop::new(this);
            // SAFETY: the only handle: its allocation is taken over and freed here,
            // and the handle is never dropped.
            let b = unsafe { Box::from_raw(this.0.as_ptr()) };
            b.value
        } else {
            (*this).clone()
        }
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        &self.boxed().value
    }
}

impl<T> AsRef<T> for Shared<T> {
    fn as_ref(&self) -> &T {
        self
    }
}

impl<T> Clone for Shared<T> {
    #[inline(always)]
    fn clone(&self) -> Shared<T> {
        self.boxed().counts.inc();
        Shared(self.0, PhantomData)
    }
}

impl<T> Drop for Shared<T> {
    #[inline]
    fn drop(&mut self) {
        if self.boxed().counts.dec() {
            // SAFETY: the last handle.
            unsafe { free(self.0) }
        }
    }
}

/// Drops the value and frees its allocation (out of line: most drops are not the last).
///
/// Past a long run of frees, the allocation is put aside instead ([`super::release`]).
///
/// Safety: `p` came from [`Shared::new`] and no handle refers to it any more.
#[inline(never)]
unsafe fn free<T>(p: NonNull<SharedBox<T>>) {
    if super::release::put_aside_now() {
        // SAFETY: `free_now::<T>` frees it, once, from the list.
        unsafe { super::release::put_aside(p.as_ptr().cast(), free_now::<T>) };
        return;
    }
    unsafe { free_now::<T>(p.as_ptr().cast()) }
}

/// [`free`], now.
///
/// Safety: as [`free`], `p` being the `SharedBox<T>`.
unsafe fn free_now<T>(p: *mut u8) {
    drop(unsafe { Box::from_raw(p as *mut SharedBox<T>) });
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        **self == **other
    }
}

impl<T: std::fmt::Display> std::fmt::Display for Shared<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::Shared;

    #[test]
    fn counts_and_copies_on_write() {
        let mut a = Shared::new(vec![1, 2]);
        let b = a.clone();
        assert_eq!(Shared::strong_count(&a), 2);
        assert!(Shared::ptr_eq(&a, &b));
        assert!(Shared::get_mut(&mut a).is_none());
        // Shared: the write goes to a copy, which `a` now holds alone.
        Shared::make_mut(&mut a).push(3);
        assert_eq!((&*a, &*b), (&vec![1, 2, 3], &vec![1, 2]));
        assert!(!Shared::ptr_eq(&a, &b));
        assert_eq!((Shared::strong_count(&a), Shared::strong_count(&b)), (1, 1));
        // Alone: in place.
        let p = Shared::as_ptr(&a);
        Shared::make_mut(&mut a).push(4);
        assert_eq!(Shared::as_ptr(&a), p);
        Shared::get_mut(&mut a).expect("one handle").push(5);
        assert_eq!(Shared::unwrap_or_clone(a), vec![1, 2, 3, 4, 5]);
        let c = b.clone();
        assert_eq!(Shared::unwrap_or_clone(c), vec![1, 2]);
        assert_eq!(Shared::strong_count(&b), 1);
    }

    #[test]
    fn the_last_handle_drops_the_value() {
        use std::rc::Rc;
        let probe = Rc::new(());
        let a = Shared::new(probe.clone());
        let b = a.clone();
        drop(a);
        assert_eq!(Rc::strong_count(&probe), 2);
        drop(b);
        assert_eq!(Rc::strong_count(&probe), 1);
    }
}
