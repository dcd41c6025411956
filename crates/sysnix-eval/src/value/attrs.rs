//! Attribute sets: a vector sorted by name, so iteration is in Nix's order and `//`
//! is a linear merge.

use super::Value;
use crate::source::Span;
use crate::symbol::Symbol;

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
    items: Vec<Attr>,
    /// Where the set was written (`{ ... }`), for errors that point at the set.
    pub pos: Option<Span>,
}

impl Attrs {
    /// The empty set.
    pub fn new() -> Attrs {
        Attrs {
            items: Vec::new(),
            pos: None,
        }
    }

    /// Builds from attributes already sorted by name with no duplicates.
    pub fn from_sorted(items: Vec<Attr>) -> Attrs {
        debug_assert!(items.windows(2).all(|w| w[0].name < w[1].name));
        Attrs { items, pos: None }
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
        Attrs { items, pos: None }
    }

    /// Number of attributes.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    fn index(&self, name: Symbol) -> Result<usize, usize> {
        if self.items.len() <= 8 {
            for (i, a) in self.items.iter().enumerate() {
                if a.name == name {
                    return Ok(i);
                }
            }
            // Not present: fall through to compute the insertion point.
        }
        self.items.binary_search_by(|a| a.name.cmp(&name))
    }

    /// Looks an attribute up.
    #[inline]
    pub fn get(&self, name: Symbol) -> Option<&Value> {
        self.get_attr(name).map(|a| &a.value)
    }

    /// Looks an attribute up, with its position.
    pub fn get_attr(&self, name: Symbol) -> Option<&Attr> {
        if self.items.len() <= 16 {
            // Interned names compare by pointer: a scan beats string comparisons.
            return self.items.iter().find(|a| a.name == name);
        }
        self.index(name).ok().map(|i| &self.items[i])
    }

    /// Looks an attribute up from a lookup site that remembers, in `hint`, where it last
    /// found its name. Sites mostly select from the same set (`lib.mkOption`,
    /// `builtins.elemAt`) or from sets of the same shape, so checking that index first
    /// saves the search. Names are unique in a set, so a match there is the attribute
    /// whatever set the hint came from.
    #[inline]
    pub fn get_attr_hinted(&self, name: Symbol, hint: &IndexHint) -> Option<&Attr> {
        if let Some(a) = self.items.get(hint.0.get() as usize)
            && a.name == name
        {
            return Some(a);
        }
        let i = if self.items.len() <= 16 {
            self.items.iter().position(|a| a.name == name)?
        } else {
            self.index(name).ok()?
        };
        hint.0.set(i as u32);
        Some(&self.items[i])
    }

    /// Looks up by string.
    pub fn get_str(&self, name: &str) -> Option<&Value> {
        self.get(Symbol::new(name))
    }

    /// Iterates in name order.
    pub fn iter(&self) -> std::slice::Iter<'_, Attr> {
        self.items.iter()
    }

    /// The attributes as a slice.
    pub fn as_slice(&self) -> &[Attr] {
        &self.items
    }

    /// Mutable access to the values (the names stay).
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Value> {
        self.items.iter_mut().map(|a| &mut a.value)
    }

    /// `self // other`: attributes of `other` win.
    pub fn update(&self, other: &Attrs) -> Attrs {
        let (a, b) = (&self.items, &other.items);
        let mut out = Vec::with_capacity(a.len() + b.len());
        if b.len() * 8 < a.len() {
            // A few attributes into a big set (`acc // { ${n} = v; }`): find each one's
            // place by binary search and copy the runs between, instead of comparing
            // names all along the big set.
            let mut i = 0;
            for attr in b {
                let at = i + a[i..].partition_point(|x| x.name < attr.name);
                out.extend_from_slice(&a[i..at]);
                i = if a.get(at).is_some_and(|x| x.name == attr.name) {
                    at + 1
                } else {
                    at
                };
                out.push(attr.clone());
            }
            out.extend_from_slice(&a[i..]);
        } else {
            self.merge_into(b, &mut out);
        }
        Attrs {
            items: out,
            pos: other.pos.or(self.pos),
        }
    }

    /// Merges the sorted `b` into this set's attributes, `b` winning, onto `out`.
    fn merge_into(&self, b: &[Attr], out: &mut Vec<Attr>) {
        let a = &self.items;
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            match a[i].name.cmp(&b[j].name) {
                std::cmp::Ordering::Less => {
                    out.push(a[i].clone());
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    out.push(b[j].clone());
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    out.push(b[j].clone());
                    i += 1;
                    j += 1;
                }
            }
        }
        out.extend_from_slice(&a[i..]);
        out.extend_from_slice(&b[j..]);
    }

    /// The same set, recorded as written at `pos`.
    pub fn at(mut self, pos: Option<Span>) -> Attrs {
        self.pos = pos;
        self
    }

    /// Consumes into the attribute vector.
    pub fn into_vec(self) -> Vec<Attr> {
        self.items
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
