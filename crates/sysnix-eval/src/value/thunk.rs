//! Thunks (suspended computations, evaluated at most once) and environments.

use super::Value;
use super::cell::ThunkCell;
use crate::compiler::Expr;
use crate::source::Span;
use smallvec::SmallVec;
use std::cell::OnceCell;
use std::rc::Rc;

/// What a thunk holds.
pub enum ThunkState {
    /// An expression to evaluate in an environment.
    Suspended(Rc<Expr>, Rc<Env>),
    /// A function application to perform (used by builtins such as `map`). Boxed, like
    /// `Select`, to keep every thunk small: most thunks are `Suspended`.
    Apply(Box<(Value, Value, Span)>),
    /// `f "name"`, the string made only when forced (`__sysnixHostPackageSet` makes tens of
    /// thousands of these and forces a handful).
    /// The function and the call's position are shared by all such thunks.
    ApplyName(Rc<(Value, Span)>, crate::symbol::Symbol),
    /// A selection `value.name` to perform (used by `inherit (e) x`).
    Select(Box<(Value, crate::symbol::Symbol, Span)>),
    /// Being evaluated right now: forcing it again is infinite recursion.
    Blackhole(Span),
    /// Evaluated.
    Done(Value),
}

/// A shared, lazily evaluated value.
#[derive(Clone)]
pub struct Thunk(pub Rc<ThunkCell>);

impl Thunk {
    /// A suspended expression.
    #[inline]
    pub fn new(expr: Rc<Expr>, env: Rc<Env>) -> Thunk {
        Thunk::from_state(ThunkState::Suspended(expr, env))
    }

    /// A suspended application `f x`.
    pub fn apply(f: Value, x: Value, span: Span) -> Thunk {
        Thunk::from_state(ThunkState::Apply(Box::new((f, x, span))))
    }

    /// A suspended application of `f` to the string `name`.
    pub fn apply_name(call: Rc<(Value, Span)>, name: crate::symbol::Symbol) -> Thunk {
        Thunk::from_state(ThunkState::ApplyName(call, name))
    }

    /// A thunk in `state`, known to the cycle collector ([`super::gc`]).
    #[inline]
    pub fn from_state(state: ThunkState) -> Thunk {
        let t = Rc::new(ThunkCell::new(state));
        super::gc::register(&t);
        Thunk(t)
    }

    /// The value, if already evaluated.
    pub fn value(&self) -> Option<Value> {
        match &*self.0.borrow() {
            ThunkState::Done(v) => Some(v.clone()),
            _ => None,
        }
    }

    /// Identity, for the printer's «repeated» detection.
    pub fn ptr(&self) -> *const () {
        Rc::as_ptr(&self.0) as *const ()
    }
}

/// A runtime scope: the values of one `let`, `rec`, lambda or `with`, and the enclosing scope.
pub struct Env {
    /// Up to two slots (a lambda's argument, a `with`'s set) live inline.
    pub slots: SmallVec<[OnceCell<Value>; 2]>,
    pub parent: Option<Rc<Env>>,
}

impl Env {
    /// A scope with `n` unset slots.
    pub fn new(n: usize, parent: Option<Rc<Env>>) -> Rc<Env> {
        let slots = (0..n).map(|_| OnceCell::new()).collect();
        Rc::new(Env { slots, parent })
    }

    /// A scope with one slot, set (a lambda's argument, a `with`'s set).
    #[inline]
    pub fn one(value: Value, parent: Option<Rc<Env>>) -> Rc<Env> {
        let mut slots = SmallVec::new();
        slots.push(OnceCell::from(value));
        Rc::new(Env { slots, parent })
    }

    /// A scope with its slots set.
    pub fn with_values(values: Vec<Value>, parent: Option<Rc<Env>>) -> Rc<Env> {
        let slots = values.into_iter().map(OnceCell::from).collect();
        Rc::new(Env { slots, parent })
    }

    /// Sets slot `i` (once).
    pub fn set(&self, i: usize, v: Value) {
        let _ = self.slots[i].set(v);
    }

    /// The value in slot `idx`, `depth` scopes up.
    #[inline]
    pub fn lookup(self: &Rc<Env>, depth: u32, idx: u32) -> Value {
        let mut env: &Rc<Env> = self;
        for _ in 0..depth {
            env = env.parent.as_ref().expect("compiler resolved scope depth");
        }
        env.slots[idx as usize]
            .get()
            .cloned()
            .unwrap_or(Value::Null)
    }

    /// Called when a `let` body has been evaluated. A binding never forced still holds the
    /// scope (thunk → scope → thunk): a cycle reference counting cannot free. When nothing
    /// but those bindings refers to the scope, nothing can force them any more, so their
    /// suspended expressions are dropped, which breaks the cycle and frees the scope.
    pub fn release_unused_bindings(self: &Rc<Env>) {
        let self_refs = self
            .slots
            .iter()
            .filter(|s| self_ref(self, s).is_some())
            .count();
        // One reference is the caller's own handle.
        if self_refs == 0 || Rc::strong_count(self) != 1 + self_refs {
            return;
        }
        for t in self.slots.iter().filter_map(|s| self_ref(self, s)) {
            *t.0.borrow_mut() = ThunkState::Done(Value::Null);
        }
    }

    /// The scope `depth` levels up.
    #[inline]
    pub fn ancestor(self: &Rc<Env>, depth: u32) -> &Rc<Env> {
        let mut env: &Rc<Env> = self;
        for _ in 0..depth {
            env = env.parent.as_ref().expect("compiler resolved scope depth");
        }
        env
    }
}

/// The thunk in `slot` when only the slot holds it and it still suspends in `env`.
fn self_ref<'a>(env: &Rc<Env>, slot: &'a OnceCell<Value>) -> Option<&'a Thunk> {
    match slot.get() {
        Some(Value::Thunk(t)) if Rc::strong_count(&t.0) == 1 => {
            t.0.try_borrow()
                .is_ok_and(|s| matches!(&*s, ThunkState::Suspended(_, e) if Rc::ptr_eq(e, env)))
                .then_some(t)
        }
        _ => None,
    }
}
