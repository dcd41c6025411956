//! The builtins a compiler resolves free names to: the evaluator's own, or, for a
//! compile on a prefetch worker's thread, only those that hold no count (see
//! `eval::prefetch`).

use super::VarRef;
use crate::symbol::Symbol;
use crate::value::Value;
use rustc_hash::FxHashMap as HashMap;

/// The builtins a compiler resolves free names to.
pub enum Globals<'a> {
    /// The evaluator's own: each builtin's value.
    Eval(&'a HashMap<Symbol, Value>),
    /// Those a compile on another thread (the prefetch worker's) may use.
    Plain(&'a PlainGlobals),
}

/// The builtins as a thread other than the evaluator's sees them: the values without
/// a count (`true`, `map`, `builtins.length`, ...), which are plain data, and the names
/// of the others, compiled to [`VarRef::Deferred`]. Counts are not atomic, so a value
/// with one must not be copied on another thread.
pub struct PlainGlobals {
    plain: HashMap<Symbol, Value>,
    counted: std::collections::HashSet<Symbol, rustc_hash::FxBuildHasher>,
    /// `builtins`' attributes without a count, as a set made on this thread: what
    /// `builtins.x` and `inherit (builtins) x` fold to (never compiled in itself).
    builtins: Option<Value>,
}

impl PlainGlobals {
    /// The parts of the evaluator's builtins another thread may use. `plain` holds no
    /// value with a count (see [`PlainGlobalsSource`]).
    pub fn new(source: PlainGlobalsSource) -> PlainGlobals {
        let builtins = source.builtins.map(|items| {
            let items = items
                .into_iter()
                .map(|(name, v)| crate::value::Attr::new(name, v, None))
                .collect();
            Value::attrs(crate::value::Attrs::from_sorted(items))
        });
        PlainGlobals {
            plain: source.plain.into_iter().collect(),
            counted: source.counted.into_iter().collect(),
            builtins,
        }
    }
}

/// What [`PlainGlobals`] are made from, taken on the evaluator's thread: names and
/// values without a count only, so it may be sent to another thread.
#[derive(Clone)]
pub struct PlainGlobalsSource {
    plain: Vec<(Symbol, Value)>,
    counted: Vec<Symbol>,
    /// `builtins`' attributes without a count, sorted by name.
    builtins: Option<Vec<(Symbol, Value)>>,
}

// SAFETY: only values without a count (`Value::is_plain`: null, booleans, numbers,
// builtins, which are `&'static`) are kept, which own nothing and share nothing.
unsafe impl Send for PlainGlobalsSource {}

impl PlainGlobalsSource {
    /// The evaluator's builtins `globals` as another thread may use them.
    pub fn new(globals: &HashMap<Symbol, Value>) -> PlainGlobalsSource {
        let mut plain = Vec::new();
        let mut counted = Vec::new();
        for (name, v) in globals {
            if v.is_plain() {
                plain.push((*name, v.clone()));
            } else {
                counted.push(*name);
            }
        }
        let builtins = match globals.get(&Symbol::new("builtins")) {
            Some(Value::Attrs(a)) => Some(
                a.iter()
                    .filter(|a| a.value.is_plain())
                    .map(|a| (a.name, a.value.clone()))
                    .collect(),
            ),
            _ => None,
        };
        PlainGlobalsSource {
            plain,
            counted,
            builtins,
        }
    }
}

impl Globals<'_> {
    /// How free variable `name` is found, if it is a builtin.
    pub(super) fn resolve(&self, name: Symbol) -> Option<VarRef> {
        match self {
            Globals::Eval(g) => g.get(&name).map(|v| VarRef::Global(v.clone())),
            Globals::Plain(g) => match g.plain.get(&name) {
                Some(v) => Some(VarRef::Global(v.clone())),
                None => g
                    .counted
                    .contains(&name)
                    .then(|| VarRef::Deferred(name, Default::default())),
            },
        }
    }

    /// The value a deferred builtin folds through at compile time (`builtins`).
    pub(super) fn fold(&self, name: Symbol) -> Option<Value> {
        match self {
            Globals::Plain(g) if name.as_str() == "builtins" => g.builtins.clone(),
            _ => None,
        }
    }
}
