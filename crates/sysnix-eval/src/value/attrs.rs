//! Attribute sets: a vector sorted by name, so iteration is in Nix's order and `//`
//! is a linear merge.

use super::Value;
use crate::source::Span;
use crate::symbol::Symbol;

/// One attribute.
#[derive(Clone)]
pub struct Attr {
    pub name: Symbol,
    pub value: Value,
    /// Where it was defined (for `unsafeGetAttrPos` and error traces).
    pub span: Option<Span>,
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
        if self.items.len() <= 8 {
            // Interned names compare by pointer: a scan beats string comparisons.
            return self.items.iter().find(|a| a.name == name);
        }
        self.index(name).ok().map(|i| &self.items[i])
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
        Attrs {
            items: out,
            pos: other.pos.or(self.pos),
        }
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
        self.items.push(Attr {
            name,
            value,
            span: None,
        });
    }

    /// Adds an attribute defined at `span`.
    pub fn insert_at(&mut self, name: Symbol, value: Value, span: Span) {
        self.items.push(Attr {
            name,
            value,
            span: Some(span),
        });
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
