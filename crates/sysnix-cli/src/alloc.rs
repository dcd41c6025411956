//! The global allocator: mimalloc, called the way its own C API is fastest.
//!
//! The `mimalloc` crate's allocator passes every request to `mi_malloc_aligned`, whose
//! fast path needs a free block of the right size that happens to be aligned, and which
//! otherwise takes a generic, over-allocating route. The evaluator's allocations (thunks,
//! scopes, sets) need at most 16-byte alignment, which `mi_malloc` always gives for such
//! sizes, so those go to `mi_malloc` directly (measured: 3% of the module benchmark's
//! instructions were the aligned path's).

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// mimalloc's `MI_MAX_ALIGN_SIZE` on 64-bit targets: blocks from `mi_malloc` of at least
/// this size are aligned to it, and smaller ones to their size class (a power of two
/// at least as large as any alignment that divides the size).
const MAX_NATURAL_ALIGN: usize = 16;

/// True when `mi_malloc` alone meets `layout`'s alignment.
#[inline]
fn natural(layout: &Layout) -> bool {
    layout.align() <= MAX_NATURAL_ALIGN && layout.align() <= layout.size()
}

pub struct MiMalloc;

// SAFETY: every pointer handed out comes from mimalloc and is freed or resized by
// mimalloc; alignment is mimalloc's guarantee (`natural`) or asked for explicitly.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe {
            if natural(&layout) {
                mi::mi_malloc(layout.size()) as *mut u8
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe {
            if natural(&layout) {
                mi::mi_zalloc(layout.size()) as *mut u8
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        unsafe { mi::mi_free(ptr as *mut c_void) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe {
            let new = Layout::from_size_align_unchecked(new_size, layout.align());
            if natural(&new) {
                mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
            } else {
                mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
            }
        }
    }
}
