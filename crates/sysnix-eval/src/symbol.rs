//! Interned identifiers. A [`Symbol`] is a thin pointer to an interned string: equality is
//! a pointer comparison, ordering is the string's (so attribute sets can stay sorted by
//! name). Each symbol keeps its first eight bytes as a number, so most comparisons of
//! two names (sorting a set's names, searching a set) are one integer comparison.
//!
//! Interned text never goes away, as in Nix, so it lives in an arena that is only ever
//! appended to, in large leaked chunks: each symbol's entry, followed by its text. That
//! is one allocation per few thousand names instead of two per name, which matters
//! when a host package set interns tens of thousands at once; and a name compared with
//! a text (a lookup, `set.${n}`) reads its entry and its text from one place.

use hashbrown::HashTable;
use std::cell::RefCell;
use std::fmt;
use std::mem::MaybeUninit;
use std::sync::Mutex;

/// An interned name. Symbols live for the whole process, as in Nix.
#[derive(Clone, Copy)]
pub struct Symbol(&'static Entry);

/// What a symbol points to.
struct Entry {
    text: &'static str,
    /// The first eight bytes of `text`, big-endian, zero-padded: names whose prefixes
    /// differ are ordered as their prefixes are.
    prefix: u64,
    /// `hash(text)`, for the tables to grow without hashing the names again.
    hash: u64,
}

/// The hash the symbol tables use (FxHash), which each symbol keeps
/// ([`Symbol::text_hash`]): big sets index their names by it, so a name given as text
/// is found there without interning it first.
pub(crate) fn hash(s: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(s)
}

/// The first eight bytes of `s` as a big-endian number, zero-padded.
pub(crate) fn prefix(s: &str) -> u64 {
    let mut b = [0u8; 8];
    let n = s.len().min(8);
    b[..n].copy_from_slice(&s.as_bytes()[..n]);
    u64::from_be_bytes(b)
}

/// Size of the arena's chunks, in words.
const CHUNK_WORDS: usize = 8 * 1024;

struct Table {
    map: HashTable<Symbol>,
    /// The unused rest of the current chunk.
    free: &'static mut [MaybeUninit<u64>],
}

impl Table {
    /// A new entry for `s` (of hash `hash`), with its text after it where it fits.
    fn entry(&mut self, s: &str, hash: u64) -> &'static Entry {
        const ENTRY_WORDS: usize = std::mem::size_of::<Entry>() / 8;
        const _: () = assert!(std::mem::size_of::<Entry>().is_multiple_of(8));
        const _: () = assert!(std::mem::align_of::<Entry>() <= 8);
        let text_words = s.len().div_ceil(8);
        // A long name's text gets an allocation of its own.
        let inline = text_words <= CHUNK_WORDS / 4;
        let words = ENTRY_WORDS + if inline { text_words } else { 0 };
        if words > self.free.len() {
            self.free = Box::leak(Box::new_uninit_slice(CHUNK_WORDS));
        }
        let (place, rest) = std::mem::take(&mut self.free).split_at_mut(words);
        self.free = rest;
        let (entry, text) = place.split_at_mut(ENTRY_WORDS);
        let text: &'static str = if inline {
            // SAFETY: `text` has room for `s.len()` bytes; they are written before the
            // `str` is made of them, from a `str`, so they are UTF-8; the chunk is
            // leaked and this part of it is handed out once.
            unsafe {
                let dst = text.as_mut_ptr() as *mut u8;
                std::ptr::copy_nonoverlapping(s.as_ptr(), dst, s.len());
                std::str::from_utf8_unchecked(std::slice::from_raw_parts(dst, s.len()))
            }
        } else {
            Box::leak(s.to_owned().into_boxed_str())
        };
        let place = entry.as_mut_ptr() as *mut Entry;
        // SAFETY: `ENTRY_WORDS` words, aligned for an `Entry` (asserted above), handed
        // out once from a leaked chunk.
        unsafe {
            place.write(Entry {
                text,
                prefix: prefix(s),
                hash,
            });
            &*place
        }
    }
}

/// The process's symbols. One table for every thread: the prefetch worker compiles
/// files into code the evaluator runs (see `eval::prefetch`), and a symbol is its
/// address. Locking it uncontended costs two atomic operations a name.
static TABLE: std::sync::LazyLock<Mutex<Table>> = std::sync::LazyLock::new(|| {
    Mutex::new(Table {
        map: HashTable::new(),
        free: &mut [],
    })
});

fn table() -> std::sync::MutexGuard<'static, Table> {
    // A panic while interning leaves the table as it was before the insert.
    TABLE.lock().unwrap_or_else(|e| e.into_inner())
}

thread_local! {
    /// The symbols this thread has asked for again, in front of the shared table: a
    /// name asked for often costs no lock (`fromJSON` interns every key of every
    /// object; through the lock alone `json` took 7% longer).
    static SEEN: RefCell<HashTable<Symbol>> = const { RefCell::new(HashTable::new()) };
}

/// `s` in `table` (of hash `h`).
#[inline]
fn find(table: &HashTable<Symbol>, h: u64, s: &str) -> Option<Symbol> {
    table.find(h, |sym| sym.is(s)).copied()
}

/// Whether `a` and `b` are the same text, inline for the short names most are (a
/// call to `memcmp` costs more than the comparison).
#[inline(always)]
fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("8 bytes"));
    if (8..=16).contains(&n) {
        // Two words that overlap when shorter than 16.
        return word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8);
    }
    a == b
}

/// Adds `sym` (of hash `h`, not there yet) to `table`.
fn insert(table: &mut HashTable<Symbol>, h: u64, sym: Symbol) {
    table.insert_unique(h, sym, |sym| sym.0.hash);
}

impl Symbol {
    /// Interns `s`.
    pub fn new(s: &str) -> Symbol {
        let h = hash(s);
        if let Some(sym) = SEEN.with(|m| find(&m.borrow(), h, s)) {
            return sym;
        }
        let mut t = table();
        if let Some(sym) = find(&t.map, h, s) {
            drop(t);
            // Asked for again: likely to be asked for more (a name made once, as by
            // `listToAttrs` of generated names, stays out of the way).
            SEEN.with(|m| insert(&mut m.borrow_mut(), h, sym));
            return sym;
        }
        let sym = Symbol(t.entry(s, h));
        insert(&mut t.map, h, sym);
        sym
    }

    /// The symbol of `s` if it was interned already. None: no set has an attribute
    /// named `s` (every attribute name is a symbol), so a lookup of it fails without
    /// interning a name that is not there (`set ? ${n}`, `set.${n} or d`).
    pub fn lookup(s: &str) -> Option<Symbol> {
        let h = hash(s);
        if let Some(sym) = SEEN.with(|m| find(&m.borrow(), h, s)) {
            return Some(sym);
        }
        let sym = find(&table().map, h, s)?;
        SEEN.with(|m| insert(&mut m.borrow_mut(), h, sym));
        Some(sym)
    }

    /// Makes room for `n` more symbols (before interning many at once).
    pub fn reserve(n: usize) {
        table().map.reserve(n, |sym| sym.0.hash);
    }

    /// The symbol's address: distinct symbols have distinct addresses (for hashing).
    #[inline]
    pub fn addr(self) -> usize {
        self.0 as *const Entry as usize
    }

    /// The symbol's text.
    pub fn as_str(&self) -> &'static str {
        self.0.text
    }

    /// Whether the symbol's text is `s`.
    #[inline(always)]
    pub(crate) fn is(self, s: &str) -> bool {
        same_text(self.0.text, s)
    }

    /// [`hash`] of the symbol's text.
    #[inline(always)]
    pub(crate) fn text_hash(self) -> u64 {
        self.0.hash
    }

    /// The order of the symbol's text and `s`, whose [`prefix`] is `p`: as `cmp`
    /// between two symbols.
    #[inline]
    pub(crate) fn cmp_text(self, s: &str, p: u64) -> std::cmp::Ordering {
        match self.0.prefix.cmp(&p) {
            std::cmp::Ordering::Equal => self.0.text.cmp(s),
            o => o,
        }
    }
}

impl PartialEq for Symbol {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}
impl Eq for Symbol {}

impl std::hash::Hash for Symbol {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.0 as *const Entry as usize).hash(state)
    }
}

impl PartialOrd for Symbol {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Symbol {
    #[inline]
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if self == other {
            return std::cmp::Ordering::Equal;
        }
        // Zero padding sorts a name before its extensions, as the text does; equal
        // prefixes (one name a prefix of the other up to zero bytes, or a common start
        // of eight bytes) need the text.
        match self.0.prefix.cmp(&other.0.prefix) {
            std::cmp::Ordering::Equal => self.as_str().cmp(other.as_str()),
            o => o,
        }
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}
impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_survives_chunk_boundaries() {
        // Enough text to fill several chunks, names of every length up to a long one
        // (stored on its own), each interned twice.
        let names: Vec<String> = (0..40_000)
            .map(|i| format!("name-{i}-{}", "x".repeat(i % 37)))
            .chain(["".to_string(), "y".repeat(CHUNK_WORDS * 8)])
            .collect();
        let syms: Vec<Symbol> = names.iter().map(|n| Symbol::new(n)).collect();
        for (n, s) in names.iter().zip(&syms) {
            assert_eq!(s.as_str(), n);
            assert_eq!(Symbol::new(n), *s);
        }
        assert_ne!(syms[0], syms[1]);
        assert!(syms[0] < syms[1]);
    }

    #[test]
    fn text_comparison_sees_every_byte() {
        for n in 0..40 {
            let a: String = (0..n).map(|i| (b'a' + (i % 26) as u8) as char).collect();
            assert!(same_text(&a, &a.clone()));
            for at in 0..n {
                let mut b = a.clone().into_bytes();
                b[at] = b'Z';
                let b = String::from_utf8(b).expect("ASCII");
                assert!(!same_text(&a, &b), "{a:?} vs {b:?}");
            }
            assert!(!same_text(&a, &format!("{a}a")));
        }
        let sym = Symbol::new("pkg-00042");
        assert!(sym.is("pkg-00042") && !sym.is("pkg-00043") && !sym.is("pkg-0004"));
    }

    #[test]
    fn order_is_the_text_order() {
        // Names around the eight-byte prefix: shorter and longer, zero bytes, equal
        // starts, bytes above 0x7f (UTF-8), the empty name.
        let mut names: Vec<String> = [
            "",
            "a",
            "a\0",
            "a\0\0",
            "ab",
            "abcdefg",
            "abcdefgh",
            "abcdefgh\0",
            "abcdefghi",
            "abcdefgi",
            "abcdefgh-x",
            "b",
            "\u{e9}t\u{e9}",
            "\u{e9}",
            "z\u{7f}",
            "A",
            "0",
            "services",
            "servicesX",
            "service",
            "systemd",
            "\0",
            "\0\0\0\0\0\0\0\0\0",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // And a spread of generated ones.
        let mut x: u64 = 7;
        for _ in 0..2000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (x >> 60) as usize;
            let s: String = (0..len)
                .map(|i| [b'\0', b'a', b'b', b'z', 0x7f][((x >> (i * 3)) % 5) as usize] as char)
                .collect();
            names.push(s);
        }
        let syms: Vec<Symbol> = names.iter().map(|n| Symbol::new(n)).collect();
        for (a, sa) in names.iter().zip(&syms) {
            for (b, sb) in names.iter().zip(&syms).take(200) {
                assert_eq!(sa.cmp(sb), a.cmp(b), "{a:?} vs {b:?}");
                assert_eq!(sb.cmp(sa), b.cmp(a), "{b:?} vs {a:?}");
            }
        }
    }
}
