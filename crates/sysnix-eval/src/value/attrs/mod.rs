//! Attribute sets: sorted by name, so iteration is in Nix's order and `//` is a linear
//! merge. A set is one vector (`indexed.rs`: with a hash index when big), or, when big
//! and made by `//`, sorted chunks shared with the sets it was made from (`chunks.rs`).

mod chunks;
mod indexed;

use super::Shared;
use super::Value;
use crate::source::Span;
use crate::symbol::Symbol;
use chunks::{CHUNKED_FROM, Chunks, merge_sorted};
use indexed::{INDEXED_FROM, Indexed};

/// Where a lookup site last found its attribute (see [`Attrs::get_attr_hinted`]).
#[derive(Default)]
pub struct IndexHint(std::cell::Cell<u32>);

/// One attribute: 32 bytes (its position packed in 8), as sets are most of a module
/// evaluation's memory.
#[derive(Clone)]
pub struct Attr {
    pub name: Symbol,
    pub value: Value,
    /// Where it was defined (for `unsafeGetAttrPos` and error traces).
    pos: Option<AttrPos>,
}

impl Attr {
    /// An attribute defined at `span` (if known).
    #[inline]
    pub fn new(name: Symbol, value: Value, span: Option<Span>) -> Attr {
        Attr {
            name,
            value,
            pos: span.and_then(AttrPos::pack),
        }
    }

    /// The same name and position with another value.
    #[inline]
    pub fn with_value(&self, value: Value) -> Attr {
        Attr {
            name: self.name,
            value,
            pos: self.pos,
        }
    }

    /// Where it was defined.
    #[inline]
    pub fn span(&self) -> Option<Span> {
        self.pos.map(AttrPos::unpack)
    }
}

/// A [`Span`] in 8 bytes: the file (20 bits, plus one so that the whole is never zero),
/// the start (28 bits) and the length (16 bits, saturated). A span past those limits (a
/// millionth file, a source over 256 MiB) is not kept: the attribute then has no
/// position, as one made by a builtin; a span longer than 64 KiB is cut there.
#[derive(Clone, Copy)]
struct AttrPos(std::num::NonZeroU64);

impl AttrPos {
    const FILE_BITS: u32 = 20;
    const START_BITS: u32 = 28;
    const LEN_BITS: u32 = 16;

    #[inline]
    fn pack(s: Span) -> Option<AttrPos> {
        let file = u64::from(s.file) + 1;
        let start = u64::from(s.start);
        if file >= 1 << Self::FILE_BITS || start >= 1 << Self::START_BITS {
            return None;
        }
        let len = u64::from(s.end.saturating_sub(s.start)).min((1 << Self::LEN_BITS) - 1);
        let bits = (file << (Self::START_BITS + Self::LEN_BITS)) | (start << Self::LEN_BITS) | len;
        std::num::NonZeroU64::new(bits).map(AttrPos)
    }

    #[inline]
    fn unpack(self) -> Span {
        let bits = self.0.get();
        let file = (bits >> (Self::START_BITS + Self::LEN_BITS)) - 1;
        let start = (bits >> Self::LEN_BITS) & ((1 << Self::START_BITS) - 1);
        let len = bits & ((1 << Self::LEN_BITS) - 1);
        Span {
            file: file as u32,
            start: start as u32,
            end: (start + len) as u32,
        }
    }
}

/// An attribute set, sorted by name.
#[derive(Clone, Default)]
pub struct Attrs {
    repr: Repr,
    /// Where the set was written (`{ ... }`), for errors that point at the set.
    pub pos: Option<Span>,
}

#[derive(Clone)]
enum Repr {
    /// One vector: every set a builtin or a literal makes.
    Flat(Vec<Attr>),
    /// One vector of at least [`INDEXED_FROM`] attributes, with a hash index.
    Indexed(Box<Indexed>),
    /// A big set made by `//`: sorted runs, shared with the sets it was made from.
    Chunked(Box<Chunks>),
}

impl Default for Repr {
    fn default() -> Self {
        Repr::Flat(Vec::new())
    }
}

impl Repr {
    /// The vector of a flat set, indexed or not (empty for a chunked set, whose
    /// attributes are in its chunks).
    #[inline(always)]
    fn items(&self) -> &[Attr] {
        match self {
            Repr::Flat(v) => v,
            Repr::Indexed(x) => &x.items,
            Repr::Chunked(_) => &[],
        }
    }

    /// Where `name` is in the vector of a flat set: through its index when it has one.
    #[inline(always)]
    fn flat_position(&self, name: Symbol) -> Option<usize> {
        match self {
            Repr::Flat(v) => flat_index(v, name),
            Repr::Indexed(x) => x.position(name),
            Repr::Chunked(_) => None,
        }
    }
}

/// A vector of attributes as a representation: indexed when big.
fn flat_repr(items: Vec<Attr>) -> Repr {
    if items.len() >= INDEXED_FROM {
        Repr::Indexed(Box::new(Indexed::new(items)))
    } else {
        Repr::Flat(items)
    }
}

impl Attrs {
    /// The empty set.
    pub fn new() -> Attrs {
        Attrs::default()
    }

    /// Builds from attributes already sorted by name with no duplicates.
    pub fn from_sorted(items: Vec<Attr>) -> Attrs {
        debug_assert!(items.windows(2).all(|w| w[0].name < w[1].name));
        Attrs {
            repr: flat_repr(items),
            pos: None,
        }
    }

    /// Builds from unsorted attributes; the first of duplicates wins when `first_wins`,
    /// otherwise the last.
    pub fn from_unsorted(mut items: Vec<Attr>, first_wins: bool) -> Attrs {
        if first_wins {
            items.sort_by_key(|a| a.name);
            items.dedup_by(|b, a| a.name == b.name);
        } else {
            items.reverse();
            items.sort_by_key(|a| a.name);
            items.dedup_by(|b, a| a.name == b.name);
        }
        Attrs::from_sorted(items)
    }

    /// Number of attributes.
    #[inline]
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Chunked(c) => c.len(),
            flat => flat.items().len(),
        }
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Looks an attribute up.
    #[inline]
    pub fn get(&self, name: Symbol) -> Option<&Value> {
        self.get_attr(name).map(|a| &a.value)
    }

    /// Looks an attribute up, with its position.
    pub fn get_attr(&self, name: Symbol) -> Option<&Attr> {
        match &self.repr {
            Repr::Chunked(c) => c.get_attr(name).map(|(_, a)| a),
            flat => flat.flat_position(name).map(|i| &flat.items()[i]),
        }
    }

    /// Looks an attribute up from a lookup site that remembers, in `hint`, where it last
    /// found its name. Sites mostly select from the same set (`lib.mkOption`,
    /// `builtins.elemAt`) or from sets of the same shape, so checking that index first
    /// saves the search. Names are unique in a set, so a match there is the attribute
    /// whatever set the hint came from.
    #[inline]
    pub fn get_attr_hinted(&self, name: Symbol, hint: &IndexHint) -> Option<&Attr> {
        match &self.repr {
            flat @ (Repr::Flat(_) | Repr::Indexed(_)) => {
                let items = flat.items();
                if let Some(a) = items.get(hint.0.get() as usize)
                    && a.name == name
                {
                    return Some(a);
                }
                let i = flat.flat_position(name)?;
                hint.0.set(i as u32);
                Some(&items[i])
            }
            Repr::Chunked(c) => {
                if let Some(a) = c.at(hint.0.get() as usize)
                    && a.name == name
                {
                    return Some(a);
                }
                let (i, a) = c.get_attr(name)?;
                hint.0.set(i as u32);
                Some(a)
            }
        }
    }

    /// Looks an attribute up by the text of its name (`set.${n}`, `getAttr n set`).
    /// A big set finds it through its index, by the text's hash, without interning it;
    /// others look the symbol up (a name no symbol has is in no set).
    #[inline]
    pub fn get_attr_text(&self, text: &str) -> Option<&Attr> {
        match &self.repr {
            Repr::Indexed(x) => {
                let i = x.position_text(text, crate::symbol::hash(text))?;
                Some(&x.items[i])
            }
            _ => self.get_attr(Symbol::lookup(text)?),
        }
    }

    /// Looks up by string.
    pub fn get_str(&self, name: &str) -> Option<&Value> {
        self.get(Symbol::new(name))
    }

    /// Iterates in name order.
    #[inline]
    pub fn iter(&self) -> Iter<'_> {
        match &self.repr {
            Repr::Chunked(c) => Iter {
                front: [].iter(),
                chunks: c.parts.iter(),
                back: [].iter(),
                len: c.len(),
            },
            flat => Iter {
                front: flat.items().iter(),
                chunks: [].iter(),
                back: [].iter(),
                len: flat.items().len(),
            },
        }
    }

    /// How the set is stored, for the cycle collector: chunks are shared between sets,
    /// so it counts them as nodes of their own.
    #[inline]
    pub(crate) fn layout(&self) -> Layout<'_> {
        match &self.repr {
            Repr::Chunked(c) => Layout::Chunked(&c.parts),
            flat => Layout::Flat(flat.items()),
        }
    }

    /// `self // other`: attributes of `other` win.
    pub fn update(&self, other: &Attrs) -> Attrs {
        let pos = other.pos.or(self.pos);
        let b_owned;
        let b: &[Attr] = match &other.repr {
            Repr::Chunked(_) => {
                b_owned = other.iter().cloned().collect::<Vec<_>>();
                &b_owned
            }
            flat => flat.items(),
        };
        let repr = match &self.repr {
            Repr::Chunked(c) => Repr::Chunked(Box::new(c.update(b))),
            flat => merged_flat(flat.items(), b),
        };
        Attrs { repr, pos }
    }

    /// The same set, recorded as written at `pos`.
    pub fn at(mut self, pos: Option<Span>) -> Attrs {
        self.pos = pos;
        self
    }
}

/// `a // b` for a flat `a`.
fn merged_flat(a: &[Attr], b: &[Attr]) -> Repr {
    let mut out = Vec::with_capacity(a.len() + b.len());
    merge_sorted(a, b, &mut out);
    if out.len() >= CHUNKED_FROM && b.len() * 8 < a.len() {
        // A big set updated with a few attributes: likely a fold, which the next steps
        // can share.
        Repr::Chunked(Box::new(Chunks::cut(out)))
    } else {
        flat_repr(out)
    }
}

/// How a set is stored (see [`Attrs::layout`]).
pub(crate) enum Layout<'a> {
    /// One sorted vector.
    Flat(&'a [Attr]),
    /// Sorted chunks, each possibly shared with other sets.
    Chunked(&'a [Shared<Vec<Attr>>]),
}

/// Index of `name` in sorted `items`.
#[inline(always)]
fn flat_index(items: &[Attr], name: Symbol) -> Option<usize> {
    if items.len() <= 16 {
        // Interned names compare by pointer: a scan beats string comparisons.
        return items.iter().position(|a| a.name == name);
    }
    items.binary_search_by(|a| a.name.cmp(&name)).ok()
}

/// The attributes of a set in name order.
#[derive(Clone)]
pub struct Iter<'a> {
    front: std::slice::Iter<'a, Attr>,
    chunks: std::slice::Iter<'a, Shared<Vec<Attr>>>,
    back: std::slice::Iter<'a, Attr>,
    len: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Attr;

    #[inline]
    fn next(&mut self) -> Option<&'a Attr> {
        loop {
            if let Some(a) = self.front.next() {
                self.len -= 1;
                return Some(a);
            }
            match self.chunks.next() {
                Some(c) => self.front = c.iter(),
                None => {
                    let a = self.back.next()?;
                    self.len -= 1;
                    return Some(a);
                }
            }
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.len, Some(self.len))
    }
}

impl<'a> DoubleEndedIterator for Iter<'a> {
    fn next_back(&mut self) -> Option<&'a Attr> {
        loop {
            if let Some(a) = self.back.next_back() {
                self.len -= 1;
                return Some(a);
            }
            match self.chunks.next_back() {
                Some(c) => self.back = c.iter(),
                None => {
                    let a = self.front.next_back()?;
                    self.len -= 1;
                    return Some(a);
                }
            }
        }
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Attrs {
    type Item = &'a Attr;
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// Collects attributes in any order and produces a sorted set (later insertions win).
#[derive(Default)]
pub struct AttrsBuilder {
    items: Vec<Attr>,
}

impl AttrsBuilder {
    /// A builder with room for `n` attributes.
    pub fn with_capacity(n: usize) -> Self {
        AttrsBuilder {
            items: Vec::with_capacity(n),
        }
    }

    /// Adds an attribute.
    pub fn insert(&mut self, name: Symbol, value: Value) {
        self.items.push(Attr::new(name, value, None));
    }

    /// Adds an attribute defined at `span`.
    pub fn insert_at(&mut self, name: Symbol, value: Value, span: Span) {
        self.items.push(Attr::new(name, value, Some(span)));
    }

    /// Adds an attribute by string name.
    pub fn insert_str(&mut self, name: &str, value: Value) {
        self.insert(Symbol::new(name), value);
    }

    /// Finishes.
    pub fn build(self) -> Attrs {
        Attrs::from_unsorted(self.items, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(file: u32, start: u32, end: u32) -> Span {
        Span { file, start, end }
    }

    /// A deterministic pseudo-random sequence (an LCG; the tests need no quality).
    struct Lcg(u64);
    impl Lcg {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    fn set_of(pairs: &[(u64, i64)]) -> Attrs {
        let items = pairs
            .iter()
            .map(|(k, v)| Attr::new(Symbol::new(&format!("k{k}")), Value::Int(*v), None))
            .collect();
        Attrs::from_unsorted(items, false)
    }

    fn int(v: &Value) -> i64 {
        match v {
            Value::Int(i) => *i,
            _ => panic!("not an int"),
        }
    }

    /// Chunked sets (folds of `//` past `CHUNKED_FROM`) against a map: the same names
    /// in the same order, from the front and the back, the same values, lookups with
    /// and without hints, for updates of every size landing anywhere.
    #[test]
    fn updates_agree_with_a_sorted_map() {
        let mut rng = Lcg(7);
        let mut model: std::collections::BTreeMap<String, i64> = Default::default();
        let mut set = Attrs::new();
        let hint = IndexHint::default();
        let mut saw_chunked = false;
        for step in 0..1500 {
            // Mostly one or a few names, sometimes a big set (as `//` of two big sets).
            let n = match rng.below(20) {
                0 => 300 + rng.below(900),
                1..=4 => 2 + rng.below(40),
                _ => 1,
            };
            let pairs: Vec<(u64, i64)> = (0..n).map(|_| (rng.below(4000), step)).collect();
            let update = set_of(&pairs);
            for a in update.iter() {
                model.insert(a.name.as_str().to_string(), int(&a.value));
            }
            // Sometimes a chunked set on the right too.
            set = if step % 97 == 50 {
                let all: Vec<(u64, i64)> = model
                    .iter()
                    .map(|(k, v)| (k[1..].parse().unwrap(), *v))
                    .collect();
                Attrs::new().update(&set_of(&all))
            } else {
                set.update(&update)
            };
            saw_chunked |= matches!(set.layout(), Layout::Chunked(_));
            assert_eq!(set.len(), model.len());
            if step % 50 != 0 {
                continue;
            }
            let names: Vec<&str> = set.iter().map(|a| a.name.as_str()).collect();
            let want: Vec<&str> = model.keys().map(|k| k.as_str()).collect();
            // Nix orders by name as `Symbol` does; the map orders by string, the same.
            assert_eq!(names, want);
            let back: Vec<&str> = set.iter().rev().map(|a| a.name.as_str()).collect();
            assert!(back.iter().eq(want.iter().rev()));
            // Mixed ends: half from the front, the rest from the back.
            let mut it = set.iter();
            let mut mixed: Vec<&str> = Vec::new();
            for _ in 0..want.len() / 2 {
                mixed.push(it.next().unwrap().name.as_str());
            }
            assert_eq!(it.len(), want.len() - want.len() / 2);
            let mut tail: Vec<&str> = it.rev().map(|a| a.name.as_str()).collect();
            tail.reverse();
            mixed.extend(tail);
            assert_eq!(mixed, want);
            for _ in 0..200 {
                let name = Symbol::new(&format!("k{}", rng.below(4100)));
                let want = model.get(name.as_str()).copied();
                assert_eq!(set.get(name).map(int), want);
                assert_eq!(
                    set.get_attr_hinted(name, &hint).map(|a| int(&a.value)),
                    want
                );
            }
        }
        assert!(saw_chunked, "the test never made a chunked set");
    }

    /// Flat sets of every size around `INDEXED_FROM` answer every lookup as a map does,
    /// before their index is built (binary search) and after, with and without hints,
    /// for present and absent names (absent names interned both before and after the
    /// set was made), looked up by symbol and by text.
    #[test]
    fn indexed_sets_agree_with_a_map() {
        let mut rng = Lcg(11);
        let mut saw_index = false;
        for n in [1usize, 16, 17, 63, 64, 65, 200, 1000, 5000] {
            let pairs: Vec<(u64, i64)> = (0..n)
                .map(|i| (rng.below(3 * n as u64), i as i64))
                .collect();
            let set = set_of(&pairs);
            let mut model: std::collections::HashMap<String, i64> = Default::default();
            for (k, v) in &pairs {
                model.insert(format!("k{k}"), *v);
            }
            assert_eq!(set.len(), model.len());
            let hint = IndexHint::default();
            for round in 0..4 * n + 20 {
                // By text first (`set.${n}`), before the name is interned: absent names
                // often have no symbol yet, and texts never interned are absent.
                let text = format!("k{}", rng.below(3 * n as u64 + 50));
                let want = model.get(&text).copied();
                assert_eq!(
                    set.get_attr_text(&text).map(|a| int(&a.value)),
                    want,
                    "n = {n}, round {round}, by text"
                );
                let never = format!("never-interned-{n}-{round}");
                assert!(set.get_attr_text(&never).is_none());
                let name = Symbol::new(&text);
                assert_eq!(set.get(name).map(int), want, "n = {n}, round {round}");
                assert_eq!(
                    set.get_attr_hinted(name, &hint).map(|a| int(&a.value)),
                    want
                );
            }
            if let Repr::Indexed(x) = &set.repr {
                assert!(
                    x.index.get().is_some(),
                    "n = {n}: the index was never built"
                );
                saw_index = true;
            } else {
                assert!(set.len() < INDEXED_FROM);
            }
            // `//` keeps the index working: names of both sides, and the new ones.
            let more = set_of(&[(3 * n as u64 + 1, -1), (0, -2)]);
            let both = set.update(&more);
            model.insert(format!("k{}", 3 * n + 1), -1);
            model.insert("k0".to_string(), -2);
            for _ in 0..4 * n + 20 {
                let name = Symbol::new(&format!("k{}", rng.below(3 * n as u64 + 50)));
                assert_eq!(both.get(name).map(int), model.get(name.as_str()).copied());
            }
        }
        assert!(saw_index);
    }

    #[test]
    fn positions_pack_losslessly_within_limits() {
        let sym = Symbol::new("a");
        for s in [
            span(0, 0, 0),
            span(0, 0, 1),
            span(7, 123_456, 123_500),
            span((1 << 20) - 2, (1 << 28) - 1, (1 << 28) - 1 + 65_535),
        ] {
            assert_eq!(Attr::new(sym, Value::Null, Some(s)).span(), Some(s));
        }
        assert_eq!(Attr::new(sym, Value::Null, None).span(), None);
    }

    #[test]
    fn positions_past_the_limits_degrade() {
        let sym = Symbol::new("a");
        // Too many files or too far into one: no position rather than a wrong one.
        assert_eq!(
            Attr::new(sym, Value::Null, Some(span(1 << 20, 0, 1))).span(),
            None
        );
        assert_eq!(
            Attr::new(sym, Value::Null, Some(span(0, 1 << 28, (1 << 28) + 1))).span(),
            None
        );
        // A very long span keeps its start; its end is cut at 64 KiB.
        let long = Attr::new(sym, Value::Null, Some(span(3, 10, 1_000_000))).span();
        assert_eq!(long, Some(span(3, 10, 10 + 65_535)));
        // The copy made by `with_value` keeps name and position.
        let a = Attr::new(sym, Value::Null, Some(span(2, 5, 9)));
        let b = a.with_value(Value::Bool(true));
        assert_eq!((b.name, b.span()), (sym, Some(span(2, 5, 9))));
    }
}
