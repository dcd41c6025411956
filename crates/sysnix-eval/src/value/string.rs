//! Strings with context: the set of store paths a string refers to, which is how a
//! system's closure is found.

use super::cell::Counts;
use std::alloc::Layout;
use std::collections::BTreeSet;
use std::ptr::NonNull;

/// One element of a string's context, in Nix's encoding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContextElem {
    /// A plain store path (`/nix/store/...`).
    Opaque(String),
    /// A derivation and its whole closure (`=/nix/store/...drv`).
    DrvDeep(String),
    /// One output of a derivation (`!out!/nix/store/...drv`).
    Built { drv: String, output: String },
    /// sysnix only: the string carries a secret (the value of a secret-marked option,
    /// described by the text, e.g. "option `x.password' (defined in `/c.nix')"). It is
    /// not a store reference: `getContext`/`hasContext` do not show it, and a string with
    /// it must never be written to the store (derivations and `toFile` refuse it).
    Secret(String),
}

impl ContextElem {
    /// Nix's string encoding of the element.
    pub fn encode(&self) -> String {
        match self {
            ContextElem::Opaque(p) => p.clone(),
            ContextElem::DrvDeep(p) => format!("={p}"),
            ContextElem::Built { drv, output } => format!("!{output}!{drv}"),
            ContextElem::Secret(what) => format!("secret {what}"),
        }
    }

    /// True for the elements that refer to the store (all but [`ContextElem::Secret`]).
    pub fn is_store_ref(&self) -> bool {
        !matches!(self, ContextElem::Secret(_))
    }

    /// Parses Nix's string encoding.
    pub fn decode(s: &str) -> ContextElem {
        if let Some(rest) = s.strip_prefix('=') {
            ContextElem::DrvDeep(rest.to_string())
        } else if let Some(rest) = s.strip_prefix('!') {
            match rest.split_once('!') {
                Some((out, drv)) => ContextElem::Built {
                    drv: drv.into(),
                    output: out.into(),
                },
                None => ContextElem::Opaque(s.into()),
            }
        } else {
            ContextElem::Opaque(s.into())
        }
    }
}

/// A string's context.
pub type Context = BTreeSet<ContextElem>;

/// The description of the first secret in a context, if any.
pub fn secret_in(ctx: &Context) -> Option<&str> {
    ctx.iter().find_map(|e| match e {
        ContextElem::Secret(what) => Some(what.as_str()),
        _ => None,
    })
}

/// A string's allocation: this header, then the bytes (*inline*), or, for a long string
/// made as a `String`, the pointer to that `String`'s buffer (*external*, `cap` > 0). One
/// allocation per string where a shared `String` took two (the counted box and the
/// bytes). Long strings keep their buffer so that building one (`acc + "..."` in a
/// fold, `concatStringsSep` of a whole file) copies it no more than before.
#[repr(C)]
struct Header {
    /// First, as in every counted allocation (see `Value`'s `Clone` and `Drop`).
    counts: Counts,
    ctx: Option<Box<Context>>,
    len: usize,
    /// 0 for inline bytes; otherwise the capacity of the external buffer.
    cap: usize,
}

const HEADER: usize = std::mem::size_of::<Header>();

/// Strings up to this long are copied into the allocation; longer ones made as a
/// `String` keep its buffer. A copy this short costs less than the allocation it saves.
const INLINE_MAX: usize = 256;

/// An immutable Nix string with its (usually empty) context: a counted handle to a
/// [`Header`].
#[repr(transparent)]
pub struct NixString(NonNull<Header>);

impl NixString {
    /// A string without context.
    #[inline]
    pub fn new(s: String) -> NixString {
        NixString::from_string(s, None)
    }

    /// A string without context, copied from `s`.
    #[inline]
    pub fn copy_of(s: &str) -> NixString {
        NixString::inline(s, None)
    }

    /// A string without context, borrowed text copied, owned text kept as [`NixString::new`]
    /// keeps it.
    #[inline]
    pub fn from_cow(s: std::borrow::Cow<'_, str>) -> NixString {
        NixString::from_cow_with(s, None)
    }

    /// A piece of a string (`substring`): `text` with a copy of the context `ctx`.
    pub fn piece(text: std::borrow::Cow<'_, str>, ctx: Option<&Context>) -> NixString {
        let ctx = ctx.filter(|c| !c.is_empty()).map(|c| Box::new(c.clone()));
        NixString::from_cow_with(text, ctx)
    }

    #[inline]
    fn from_cow_with(text: std::borrow::Cow<'_, str>, ctx: Option<Box<Context>>) -> NixString {
        match text {
            std::borrow::Cow::Borrowed(s) => NixString::inline(s, ctx),
            std::borrow::Cow::Owned(s) => NixString::from_string(s, ctx),
        }
    }

    /// The string built in `buf`, with context `ctx`: copied when short, leaving `buf`
    /// empty with its capacity, for the next string to be built there without
    /// allocating; a long one takes the buffer (no copy), leaving `buf` new.
    #[inline]
    pub fn from_buffer(buf: &mut String, ctx: Context) -> NixString {
        let ctx = NixString::boxed_context(ctx);
        if buf.len() <= INLINE_MAX {
            let s = NixString::inline(buf, ctx);
            buf.clear();
            s
        } else {
            NixString::from_string(std::mem::take(buf), ctx)
        }
    }

    /// A context to keep: none when empty.
    #[inline]
    fn boxed_context(ctx: Context) -> Option<Box<Context>> {
        if ctx.is_empty() {
            // An empty set owns no memory (no context has elements removed, so none is
            // emptied with a node left): forgotten, not dropped, as dropping even an
            // empty `BTreeSet` walks its iterator (~50 instructions, 3% of building
            // a big set of interpolated names).
            std::mem::forget(ctx);
            None
        } else {
            Some(Box::new(ctx))
        }
    }

    /// A string with the given context (empty context is stored as none).
    pub fn with_context(s: String, ctx: Context) -> NixString {
        NixString::from_string(s, NixString::boxed_context(ctx))
    }

    #[inline]
    fn from_string(s: String, ctx: Option<Box<Context>>) -> NixString {
        if s.len() <= INLINE_MAX {
            return NixString::inline(&s, ctx);
        }
        let mut s = std::mem::ManuallyDrop::new(s);
        let (ptr, len, cap) = (s.as_mut_ptr(), s.len(), s.capacity());
        let p = NixString::alloc_header(
            Header {
                counts: Counts::one(),
                ctx,
                len,
                cap,
            },
            std::mem::size_of::<*mut u8>(),
        );
        // SAFETY: the allocation has room for a pointer after the header, aligned (the
        // header's size is a multiple of 8); the buffer is owned by the string from now
        // on (freed in `free` with the `String`'s capacity).
        unsafe { ((p.as_ptr() as *mut u8).add(HEADER) as *mut *mut u8).write(ptr) };
        NixString(p)
    }

    #[inline]
    fn inline(s: &str, ctx: Option<Box<Context>>) -> NixString {
        let p = NixString::alloc_header(
            Header {
                counts: Counts::one(),
                ctx,
                len: s.len(),
                cap: 0,
            },
            s.len(),
        );
        // SAFETY: `s.len()` bytes follow the header in the allocation, which does not
        // overlap `s`.
        unsafe {
            std::ptr::copy_nonoverlapping(s.as_ptr(), (p.as_ptr() as *mut u8).add(HEADER), s.len())
        };
        NixString(p)
    }

    /// The layout of a header followed by `extra` bytes.
    fn layout(extra: usize) -> Layout {
        match Layout::from_size_align(HEADER + extra, std::mem::align_of::<Header>()) {
            Ok(l) => l,
            // Only a string of nearly `isize::MAX` bytes gets here: it could not exist.
            Err(_) => std::alloc::handle_alloc_error(Layout::new::<Header>()),
        }
    }

    /// An allocation holding `header` and room for `extra` bytes after it.
    #[inline]
    fn alloc_header(header: Header, extra: usize) -> NonNull<Header> {
        let layout = NixString::layout(extra);
        // SAFETY: the layout is at least the header's size, not zero.
        let p = unsafe { std::alloc::alloc(layout) } as *mut Header;
        let Some(p) = NonNull::new(p) else {
            std::alloc::handle_alloc_error(layout)
        };
        // SAFETY: the allocation has room for the header, aligned for it.
        unsafe { p.as_ptr().write(header) };
        p
    }

    #[inline(always)]
    fn header(&self) -> &Header {
        // SAFETY: a handle keeps its allocation alive.
        unsafe { self.0.as_ref() }
    }

    /// The characters.
    #[inline]
    pub fn as_str(&self) -> &str {
        let h = self.header();
        // SAFETY: inline, `len` bytes follow the header; external, the pointer there is
        // to a `String`'s buffer of `len` bytes. Either way UTF-8 from a `str`, never
        // changed while a handle exists.
        unsafe {
            let after = (self.0.as_ptr() as *const u8).add(HEADER);
            let bytes = if h.cap == 0 {
                after
            } else {
                *(after as *const *const u8)
            };
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(bytes, h.len))
        }
    }

    /// The context, if any.
    pub fn context(&self) -> Option<&Context> {
        self.header().ctx.as_deref()
    }

    /// True when the string refers to a store path (a secret marker alone does not count).
    pub fn has_context(&self) -> bool {
        self.first_store_ref().is_some()
    }

    /// The first context element that refers to the store, if any.
    pub fn first_store_ref(&self) -> Option<&ContextElem> {
        self.header()
            .ctx
            .as_deref()?
            .iter()
            .find(|e| e.is_store_ref())
    }

    /// The description of a secret this string carries, if any.
    pub fn secret(&self) -> Option<&str> {
        secret_in(self.header().ctx.as_deref()?)
    }
}

/// What [`super::Value::str`] takes: text borrowed (copied into the string) or owned
/// (kept when long, see [`NixString::new`]).
pub trait IntoNixString {
    fn into_nix_string(self) -> NixString;
}

impl IntoNixString for &str {
    #[inline]
    fn into_nix_string(self) -> NixString {
        NixString::copy_of(self)
    }
}

impl IntoNixString for &String {
    #[inline]
    fn into_nix_string(self) -> NixString {
        NixString::copy_of(self)
    }
}

impl IntoNixString for String {
    #[inline]
    fn into_nix_string(self) -> NixString {
        NixString::new(self)
    }
}

impl IntoNixString for std::borrow::Cow<'_, str> {
    #[inline]
    fn into_nix_string(self) -> NixString {
        NixString::from_cow(self)
    }
}

impl Clone for NixString {
    #[inline(always)]
    fn clone(&self) -> NixString {
        self.header().counts.inc();
        NixString(self.0)
    }
}

impl Drop for NixString {
    #[inline]
    fn drop(&mut self) {
        if self.header().counts.dec() {
            // SAFETY: the last handle.
            unsafe { free(self.0) }
        }
    }
}

/// Drops a string's context and frees its allocation (out of line: most drops are not
/// the last).
///
/// Safety: `p` came from [`NixString::alloc_header`] (through `inline` or `from_string`)
/// and no handle refers to it any more.
#[inline(never)]
unsafe fn free(p: NonNull<Header>) {
    // SAFETY: the header was written by `alloc_header` and is dropped once, here; the
    // layout is the one it was allocated with (the bytes inline, or the buffer's pointer).
    unsafe {
        let (len, cap) = ((*p.as_ptr()).len, (*p.as_ptr()).cap);
        std::ptr::drop_in_place(&mut (*p.as_ptr()).ctx);
        let extra = if cap == 0 {
            len
        } else {
            let after = (p.as_ptr() as *mut u8).add(HEADER);
            drop(String::from_raw_parts(*(after as *mut *mut u8), len, cap));
            std::mem::size_of::<*mut u8>()
        };
        std::alloc::dealloc(p.as_ptr() as *mut u8, NixString::layout(extra));
    }
}

impl std::fmt::Debug for NixString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx_of(path: &str) -> Context {
        let mut c = Context::new();
        c.insert(ContextElem::Opaque(path.to_string()));
        c
    }

    /// Every way of making a string, short (inline) and long (a kept buffer), gives the
    /// same text and context, through clones and after the original is dropped.
    #[test]
    fn strings_keep_text_and_context_inline_and_external() {
        for len in [
            0,
            1,
            7,
            24,
            INLINE_MAX - 1,
            INLINE_MAX,
            INLINE_MAX + 1,
            5000,
        ] {
            let text: String = (0..len).map(|i| (b'a' + (i % 26) as u8) as char).collect();
            let made = [
                NixString::new(text.clone()),
                NixString::copy_of(&text),
                NixString::from_cow(std::borrow::Cow::Borrowed(&text)),
                NixString::from_cow(std::borrow::Cow::Owned(text.clone())),
                NixString::with_context(text.clone(), Context::new()),
                NixString::piece(std::borrow::Cow::Borrowed(&text), None),
            ];
            for s in made {
                let copy = s.clone();
                drop(s);
                assert_eq!(copy.as_str(), text, "len {len}");
                assert!(copy.context().is_none());
            }
            let c = NixString::with_context(text.clone(), ctx_of("/nix/store/x"));
            let d = c.clone();
            drop(c);
            assert_eq!(d.as_str(), text);
            assert_eq!(d.context(), Some(&ctx_of("/nix/store/x")));
            assert!(d.has_context());
            let p = NixString::piece(std::borrow::Cow::Owned(text.clone()), d.context());
            assert_eq!(p.as_str(), text);
            assert_eq!(p.context(), d.context());
        }
    }

    /// A short string is copied out of the build buffer, which keeps its capacity; a
    /// long one takes the buffer.
    #[test]
    fn from_buffer_copies_short_strings_and_takes_long_ones() {
        let mut buf = String::with_capacity(100);
        buf.push_str("short");
        let s = NixString::from_buffer(&mut buf, Context::new());
        assert_eq!(s.as_str(), "short");
        assert!(buf.is_empty());
        assert!(buf.capacity() >= 100, "the buffer was not kept");
        let long = "x".repeat(INLINE_MAX + 1);
        buf.push_str(&long);
        let at = buf.as_ptr();
        let l = NixString::from_buffer(&mut buf, ctx_of("/nix/store/y"));
        assert_eq!(l.as_str(), long);
        assert_eq!(l.as_str().as_ptr(), at, "a long string was copied");
        assert_eq!(buf.capacity(), 0);
        assert_eq!(l.context(), Some(&ctx_of("/nix/store/y")));
    }
}
