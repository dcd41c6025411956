//! A free list for the evaluator's most frequent allocation: 40-byte blocks, the size
//! of a thunk ([`super::cell::ThunkBox`]) and of a one-slot scope (a lambda call's,
//! [`super::Env`]). Most of an evaluation's allocations and frees are these two, and
//! a call to the general allocator and back costs about 40 instructions where taking a
//! block off this list and putting it back costs about 10.
//!
//! Blocks are carved from 64 KiB slabs that are never returned: a freed block goes on
//! this thread's list and is reused by the next allocation of the same size. The
//! general allocator is set up the same way during evaluation (it never returns memory
//! to the system, see `sysnix-cli`'s `alloc.rs`), so peak memory is unchanged: it is
//! the peak of live blocks, plus at most one slab. A thread's slabs outlive it (values
//! never cross threads, and thread-local values may be dropped after the list itself
//! at thread exit, so freeing slabs then would not be safe).

use std::alloc::Layout;
use std::cell::Cell;
use std::ptr::NonNull;

/// The size of the blocks on the list.
pub(crate) const BLOCK: usize = 40;
const ALIGN: usize = 8;
const SLAB: usize = 64 << 10;

struct Pool {
    /// The first free block; each free block's first word points to the next.
    free: Cell<*mut u8>,
    /// The not yet used part of the current slab.
    bump: Cell<*mut u8>,
    end: Cell<*mut u8>,
}

thread_local! {
    static POOL: Pool = const {
        Pool {
            free: Cell::new(std::ptr::null_mut()),
            bump: Cell::new(std::ptr::null_mut()),
            end: Cell::new(std::ptr::null_mut()),
        }
    };
}

/// A block of [`BLOCK`] bytes, aligned to 8.
#[inline]
pub(crate) fn alloc() -> NonNull<u8> {
    POOL.with(|p| {
        let head = p.free.get();
        if !head.is_null() {
            // SAFETY: a free block holds the pointer to the next one in its first word.
            p.free.set(unsafe { (head as *mut *mut u8).read() });
            // SAFETY: checked above.
            return unsafe { NonNull::new_unchecked(head) };
        }
        let b = p.bump.get();
        if b != p.end.get() {
            // SAFETY: a slab holds a whole number of blocks, so `b + BLOCK <= end`.
            p.bump.set(unsafe { b.add(BLOCK) });
            // SAFETY: inside a slab, not null.
            return unsafe { NonNull::new_unchecked(b) };
        }
        new_slab(p)
    })
}

#[inline(never)]
#[cold]
fn new_slab(p: &Pool) -> NonNull<u8> {
    let size = SLAB / BLOCK * BLOCK;
    let layout = Layout::from_size_align(size, ALIGN).expect("slab layout");
    // SAFETY: the layout has a non-zero size.
    let s = unsafe { std::alloc::alloc(layout) };
    let Some(s) = NonNull::new(s) else {
        std::alloc::handle_alloc_error(layout)
    };
    // SAFETY: the slab is `size` bytes long, a multiple of BLOCK.
    unsafe {
        p.bump.set(s.as_ptr().add(BLOCK));
        p.end.set(s.as_ptr().add(size));
    }
    s
}

/// Puts back a block from [`alloc`].
///
/// Safety: `b` came from [`alloc`] on this thread, and nothing uses it any more.
#[inline]
pub(crate) unsafe fn free(b: NonNull<u8>) {
    // At thread exit the list may be gone already: the block is then left as it is.
    let _ = POOL.try_with(|p| {
        // SAFETY: the block is ours now, at least a word long and aligned to 8.
        unsafe { (b.as_ptr() as *mut *mut u8).write(p.free.get()) };
        p.free.set(b.as_ptr());
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_distinct_and_reused() {
        std::thread::spawn(|| {
            // Past a slab's worth, so a second slab is taken.
            let n = SLAB / BLOCK + 10;
            let blocks: Vec<NonNull<u8>> = (0..n).map(|_| alloc()).collect();
            let mut addrs: Vec<usize> = blocks.iter().map(|b| b.as_ptr() as usize).collect();
            addrs.sort_unstable();
            for w in addrs.windows(2) {
                assert!(
                    w[1] - w[0] >= BLOCK,
                    "blocks overlap: {:x} {:x}",
                    w[0],
                    w[1]
                );
            }
            for b in &blocks {
                // Each block is writable over its whole size.
                unsafe { b.as_ptr().write_bytes(0xa5, BLOCK) };
            }
            let last = blocks[n - 1];
            unsafe { free(last) };
            assert_eq!(alloc(), last, "a freed block is the next one handed out");
            for b in blocks {
                unsafe { free(b) };
            }
        })
        .join()
        .unwrap();
    }
}
