//! Interned identifiers. A [`Symbol`] is a thin pointer to a leaked string: equality is a
//! pointer comparison, ordering is the string's (so attribute sets can stay sorted by name).

use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::fmt;

/// An interned name. Symbols live for the whole process, as in Nix.
#[derive(Clone, Copy)]
pub struct Symbol(&'static String);

thread_local! {
    static TABLE: RefCell<FxHashMap<&'static str, Symbol>> = RefCell::new(FxHashMap::default());
}

impl Symbol {
    /// Interns `s`.
    pub fn new(s: &str) -> Symbol {
        TABLE.with(|t| {
            let mut t = t.borrow_mut();
            if let Some(sym) = t.get(s) {
                return *sym;
            }
            let leaked: &'static String = Box::leak(Box::new(s.to_string()));
            let sym = Symbol(leaked);
            t.insert(leaked.as_str(), sym);
            sym
        })
    }

    /// The symbol's text.
    pub fn as_str(&self) -> &'static str {
        self.0.as_str()
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
        (self.0 as *const String as usize).hash(state)
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
