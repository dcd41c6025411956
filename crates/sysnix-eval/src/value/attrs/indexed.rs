//! Big flat sets with a hash index from name to position.

use super::Attr;
use crate::symbol::Symbol;

/// Flat sets at least this big get a hash index once they have been searched enough
/// ([`Indexed`]): a binary search over thousands of names (a package set, `listToAttrs`
/// of a long list) touches a dozen cache lines, each comparison reading the names'
/// text, where a probe of the index touches two or three.
pub(super) const INDEXED_FROM: usize = 64;

/// A big flat set and its index: for each slot, `u32::MAX` or the position in `items`
/// of a name hashing there (open addressing, linear probing, at most half full).
/// Built on the search after `items.len() / 16` searches, so that a set searched a few
/// times only (made, read once, dropped) does not pay for it.
#[derive(Clone)]
pub(super) struct Indexed {
    pub(super) items: Vec<Attr>,
    pub(super) index: std::cell::OnceCell<Box<[u32]>>,
    searches: std::cell::Cell<u32>,
}

impl Indexed {
    pub(super) fn new(items: Vec<Attr>) -> Indexed {
        Indexed {
            items,
            index: std::cell::OnceCell::new(),
            searches: std::cell::Cell::new(0),
        }
    }

    /// The slot `name` hashes to in an index of `mask + 1` slots.
    #[inline]
    fn slot(name: Symbol, mask: usize) -> usize {
        // Symbols are distinct addresses; a multiplicative hash spreads their high bits.
        ((name.addr() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
    }

    fn build(items: &[Attr]) -> Box<[u32]> {
        let size = (items.len() * 2).next_power_of_two();
        let mask = size - 1;
        let mut slots = vec![u32::MAX; size].into_boxed_slice();
        for (i, a) in items.iter().enumerate() {
            let mut s = Indexed::slot(a.name, mask);
            while slots[s] != u32::MAX {
                s = (s + 1) & mask;
            }
            slots[s] = i as u32;
        }
        slots
    }

    #[inline]
    pub(super) fn position(&self, name: Symbol) -> Option<usize> {
        let index = match self.index.get() {
            Some(index) => index,
            None => {
                let n = self.searches.get() + 1;
                self.searches.set(n);
                if (n as usize) * 16 < self.items.len() {
                    return self.items.binary_search_by(|a| a.name.cmp(&name)).ok();
                }
                self.index.get_or_init(|| Indexed::build(&self.items))
            }
        };
        let mask = index.len() - 1;
        let mut s = Indexed::slot(name, mask);
        loop {
            let i = index[s];
            if i == u32::MAX {
                return None;
            }
            if self.items[i as usize].name == name {
                return Some(i as usize);
            }
            s = (s + 1) & mask;
        }
    }
}
