//! Interned identifiers. A [`Symbol`] is a thin pointer to an interned string: equality is
//! a pointer comparison, ordering is the string's (so attribute sets can stay sorted by
//! name). Each symbol keeps its first eight bytes as a number, so most comparisons of
//! two names (sorting a set's names, searching a set) are one integer comparison.
//!
//! Interned text never goes away, as in Nix, so it lives in arenas that are only ever
//! appended to: the bytes in large leaked chunks, and each symbol's `&str` in a leaked slot.
//! That is two allocations per few thousand names instead of two per name, which matters
//! when a host package set interns tens of thousands at once.

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

/// The hash the symbol tables use (FxHash).
fn hash(s: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(s)
}

/// The first eight bytes of `s` as a big-endian number, zero-padded.
fn prefix(s: &str) -> u64 {
    let mut b = [0u8; 8];
    let n = s.len().min(8);
    b[..n].copy_from_slice(&s.as_bytes()[..n]);
    u64::from_be_bytes(b)
}

/// How many bytes, and how many symbols, each arena chunk holds.
const TEXT_CHUNK: usize = 64 * 1024;
const SLOT_CHUNK: usize = 4096;

struct Table {
    map: HashTable<Symbol>,
    /// The unused rest of the current text chunk.
    text: &'static mut [u8],
    /// The unused rest of the current slot chunk.
    slots: &'static mut [MaybeUninit<Entry>],
}

impl Table {
    /// A copy of `s` that lives for the rest of the process.
    fn store(&mut self, s: &str) -> &'static str {
        let n = s.len();
        if n > self.text.len() {
            if n > TEXT_CHUNK / 4 {
                // A long name gets a chunk of its own (the current one stays in use).
                return Box::leak(s.to_owned().into_boxed_str());
            }
            self.text = Box::leak(vec![0u8; TEXT_CHUNK].into_boxed_slice());
        }
        let (head, rest) = std::mem::take(&mut self.text).split_at_mut(n);
        self.text = rest;
        head.copy_from_slice(s.as_bytes());
        std::str::from_utf8(head).expect("a copy of a str is UTF-8")
    }

    /// A slot holding `s` (of hash `hash`), for the symbol to point at.
    fn slot(&mut self, s: &'static str, hash: u64) -> &'static Entry {
        if self.slots.is_empty() {
            self.slots = Box::leak(Box::new_uninit_slice(SLOT_CHUNK));
        }
        let (first, rest) = std::mem::take(&mut self.slots)
            .split_first_mut()
            .expect("the slot chunk is not empty");
        self.slots = rest;
        first.write(Entry {
            text: s,
            prefix: prefix(s),
            hash,
        })
    }
}

/// The process's symbols. One table for every thread: the prefetch worker compiles
/// files into code the evaluator runs (see `eval::prefetch`), and a symbol is its
/// address. Locking it uncontended costs two atomic operations a name.
static TABLE: std::sync::LazyLock<Mutex<Table>> = std::sync::LazyLock::new(|| {
    Mutex::new(Table {
        map: HashTable::new(),
        text: &mut [],
        slots: &mut [],
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
    table.find(h, |sym| sym.as_str() == s).copied()
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
        let text = t.store(s);
        let sym = Symbol(t.slot(text, h));
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
            .chain(["".to_string(), "y".repeat(TEXT_CHUNK)])
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
