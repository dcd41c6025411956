//! Big flat sets with a hash index from name to position.

use super::Attr;
use crate::symbol::Symbol;

/// Flat sets at least this big get a hash index once they have been searched enough
/// ([`Indexed`]): a binary search over thousands of names (a package set, `listToAttrs`
/// of a long list) touches a dozen cache lines, each comparison reading the names'
/// text, where a probe of the index touches two or three.
pub(super) const INDEXED_FROM: usize = 64;

/// A big flat set and its index, open addressing with linear probing, at most half
/// full. Each slot is [`EMPTY`] or a name's entry: the high half of its text hash
/// ([`Symbol::text_hash`]) above its position in `items`, so a probe compares hashes
/// without reading the attribute, and reads the attribute only on a match.
/// Built on the search after `items.len() / 16` searches, so that a set searched a few
/// times only (made, read once, dropped) does not pay for it.
#[derive(Clone)]
pub(super) struct Indexed {
    pub(super) items: Vec<Attr>,
    pub(super) index: std::cell::OnceCell<Box<[u64]>>,
    searches: std::cell::Cell<u32>,
}

/// A free slot of the index (no entry has it: positions are below `u32::MAX`).
const EMPTY: u64 = u64::MAX;

impl Indexed {
    pub(super) fn new(items: Vec<Attr>) -> Indexed {
        Indexed {
            items,
            index: std::cell::OnceCell::new(),
            searches: std::cell::Cell::new(0),
        }
    }

    /// The slot a name of text hash `h` goes to first in an index of `mask + 1` slots.
    /// The text's hash, not the symbol's address: a name given as text (`set.${n}`,
    /// `getAttr n set`) is then found without interning it.
    #[inline(always)]
    fn slot(h: u64, mask: usize) -> usize {
        // A multiplicative hash spreads FxHash's bits.
        (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
    }

    /// The high half of hash `h`, in place in an entry.
    #[inline(always)]
    fn tag(h: u64) -> u64 {
        h & !0xffff_ffff
    }

    fn build(items: &[Attr]) -> Box<[u64]> {
        let size = (items.len() * 2).next_power_of_two();
        let mask = size - 1;
        let mut slots = vec![EMPTY; size].into_boxed_slice();
        for (i, a) in items.iter().enumerate() {
            let h = a.name.text_hash();
            let mut s = Indexed::slot(h, mask);
            while slots[s] != EMPTY {
                s = (s + 1) & mask;
            }
            slots[s] = Indexed::tag(h) | i as u64;
        }
        slots
    }

    /// The index, once the set has been searched enough to be worth one (`None`
    /// before: the caller searches the sorted items).
    #[inline]
    fn index(&self) -> Option<&[u64]> {
        if let Some(index) = self.index.get() {
            return Some(index);
        }
        let n = self.searches.get() + 1;
        self.searches.set(n);
        if (n as usize) * 16 < self.items.len() {
            return None;
        }
        Some(self.index.get_or_init(|| Indexed::build(&self.items)))
    }

    /// The position of the first name of hash `h` in `index` that `is` accepts.
    #[inline(always)]
    fn probe(&self, index: &[u64], h: u64, is: impl Fn(&Attr) -> bool) -> Option<usize> {
        let mask = index.len() - 1;
        let tag = Indexed::tag(h);
        let mut s = Indexed::slot(h, mask);
        loop {
            let e = index[s];
            if e == EMPTY {
                return None;
            }
            if e & !0xffff_ffff == tag {
                let i = (e & 0xffff_ffff) as usize;
                if is(&self.items[i]) {
                    return Some(i);
                }
            }
            s = (s + 1) & mask;
        }
    }

    #[inline]
    pub(super) fn position(&self, name: Symbol) -> Option<usize> {
        match self.index() {
            Some(index) => self.probe(index, name.text_hash(), |a| a.name == name),
            None => self.items.binary_search_by(|a| a.name.cmp(&name)).ok(),
        }
    }

    /// The position of the name whose text is `text` (of hash `h`).
    #[inline]
    pub(super) fn position_text(&self, text: &str, h: u64) -> Option<usize> {
        match self.index() {
            Some(index) => self.probe(index, h, |a| a.name.is(text)),
            None => {
                let p = crate::symbol::prefix(text);
                self.items
                    .binary_search_by(|a| a.name.cmp_text(text, p))
                    .ok()
            }
        }
    }
}
