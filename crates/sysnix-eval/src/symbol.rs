//! Interned identifiers. A [`Symbol`] is a thin pointer to an interned string: equality is
//! a pointer comparison, ordering is the string's (so attribute sets can stay sorted by
//! name).
//!
//! Interned text never goes away, as in Nix, so it lives in arenas that are only ever
//! appended to: the bytes in large leaked chunks, and each symbol's `&str` in a leaked slot.
//! That is two allocations per few thousand names instead of two per name, which matters
//! when a host package set interns tens of thousands at once.

use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::fmt;
use std::mem::MaybeUninit;

/// An interned name. Symbols live for the whole process, as in Nix.
#[derive(Clone, Copy)]
pub struct Symbol(&'static &'static str);

/// How many bytes, and how many symbols, each arena chunk holds.
const TEXT_CHUNK: usize = 64 * 1024;
const SLOT_CHUNK: usize = 4096;

struct Table {
    map: FxHashMap<&'static str, Symbol>,
    /// The unused rest of the current text chunk.
    text: &'static mut [u8],
    /// The unused rest of the current slot chunk.
    slots: &'static mut [MaybeUninit<&'static str>],
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

    /// A slot holding `s`, for the symbol to point at.
    fn slot(&mut self, s: &'static str) -> &'static &'static str {
        if self.slots.is_empty() {
            self.slots = Box::leak(Box::new_uninit_slice(SLOT_CHUNK));
        }
        let (first, rest) = std::mem::take(&mut self.slots)
            .split_first_mut()
            .expect("the slot chunk is not empty");
        self.slots = rest;
        first.write(s)
    }
}

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table {
        map: FxHashMap::default(),
        text: &mut [],
        slots: &mut [],
    });
}

impl Symbol {
    /// Interns `s`.
    pub fn new(s: &str) -> Symbol {
        TABLE.with(|t| {
            let mut t = t.borrow_mut();
            if let Some(sym) = t.map.get(s) {
                return *sym;
            }
            let text = t.store(s);
            let sym = Symbol(t.slot(text));
            t.map.insert(text, sym);
            sym
        })
    }

    /// Makes room for `n` more symbols (before interning many at once).
    pub fn reserve(n: usize) {
        TABLE.with(|t| t.borrow_mut().map.reserve(n));
    }

    /// The symbol's text.
    pub fn as_str(&self) -> &'static str {
        self.0
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
        (self.0 as *const &str as usize).hash(state)
    }
}

impl PartialOrd for Symbol {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Symbol {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if self == other {
            std::cmp::Ordering::Equal
        } else {
            self.as_str().cmp(other.as_str())
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
}
