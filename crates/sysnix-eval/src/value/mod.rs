//! Runtime values. A [`Value`] is 16 bytes: scalars inline, everything else behind an `Rc`.
//! Unevaluated values are [`Value::Thunk`]; the evaluator forces them on demand.

mod attrs;
mod cell;
pub mod gc;
mod pool;
mod string;
mod thunk;

pub use attrs::{Attr, Attrs, AttrsBuilder, IndexHint};
pub use cell::{ThunkCell, ThunkPtr};
pub use string::{Context, ContextElem, NixString, secret_in};
pub use thunk::{Env, Thunk, ThunkState};

use crate::compiler::LambdaDef;
use crate::error::Result;
use crate::eval::Eval;
use crate::source::Span;
use std::rc::Rc;

/// A Nix value (possibly an unevaluated thunk).
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(NixString),
    /// An absolute, canonical path.
    Path(Rc<String>),
    Attrs(Rc<Attrs>),
    List(Rc<Vec<Value>>),
    Lambda(Rc<Closure>),
    PrimOp(&'static PrimOp),
    PrimOpApp(Rc<PrimOpApp>),
    Thunk(Thunk),
}

impl Clone for Value {
    /// Counts one more reference for the variants that hold one, then copies the bits.
    /// Small enough to inline where values are cloned (a derived `clone` is a call to
    /// one shared function, whose jump through a table of variants every caller shares
    /// and so mispredicts), and its arms are two kinds of increment, not twelve copies.
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::String(s) => std::mem::forget(s.clone()),
            Value::Path(p) => std::mem::forget(p.clone()),
            Value::Attrs(a) => std::mem::forget(a.clone()),
            Value::List(l) => std::mem::forget(l.clone()),
            Value::Lambda(c) => std::mem::forget(c.clone()),
            Value::PrimOpApp(p) => std::mem::forget(p.clone()),
            Value::Thunk(t) => std::mem::forget(t.clone()),
            Value::Null | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::PrimOp(_) => {}
        }
        // SAFETY: the reference a counted variant holds was counted above, so the copy
        // owns one; the other variants hold nothing to count.
        unsafe { std::ptr::read(self) }
    }
}

/// Drops one of several handles to an `Rc` in place: false (nothing done) for the last
/// one, which its owner then drops the ordinary way.
#[inline(always)]
fn release_shared<T>(rc: &Rc<T>) -> bool {
    if Rc::strong_count(rc) == 1 {
        return false;
    }
    // SAFETY: the count is above one: the allocation stays, and the caller forgets the
    // handle whose count this was.
    unsafe { Rc::decrement_strong_count(Rc::as_ptr(rc)) };
    true
}

impl Drop for Value {
    /// Most drops are of one handle among several: the count goes down in place, inline
    /// as in `clone`, and the variant's own drop (which the drop glue reaches through a
    /// table of every variant) runs only for the last handle.
    #[inline(always)]
    fn drop(&mut self) {
        let released = match self {
            Value::String(s) => s.release_shared(),
            Value::Path(p) => release_shared(p),
            Value::Attrs(a) => release_shared(a),
            Value::List(l) => release_shared(l),
            Value::Lambda(c) => release_shared(c),
            Value::PrimOpApp(p) => release_shared(p),
            Value::Thunk(t) => t.0.release_shared(),
            Value::Null | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::PrimOp(_) => {
                return;
            }
        };
        if released {
            // SAFETY: the handle was released above; `Null` holds nothing, so the drop
            // of the fields that follows does nothing.
            unsafe { std::ptr::write(self, Value::Null) };
        }
    }
}

/// A value's contents, moved out: `Value` implements `Drop`, so its fields cannot be
/// moved out by a pattern; `Value::into_parts` gives them as this.
pub(crate) enum Parts {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(NixString),
    Path(Rc<String>),
    Attrs(Rc<Attrs>),
    List(Rc<Vec<Value>>),
    Lambda(Rc<Closure>),
    PrimOp(&'static PrimOp),
    PrimOpApp(Rc<PrimOpApp>),
    Thunk(Thunk),
}

impl Parts {
    /// The value again.
    #[inline(always)]
    pub(crate) fn into_value(self) -> Value {
        match self {
            Parts::Null => Value::Null,
            Parts::Bool(b) => Value::Bool(b),
            Parts::Int(i) => Value::Int(i),
            Parts::Float(f) => Value::Float(f),
            Parts::String(s) => Value::String(s),
            Parts::Path(p) => Value::Path(p),
            Parts::Attrs(a) => Value::Attrs(a),
            Parts::List(l) => Value::List(l),
            Parts::Lambda(c) => Value::Lambda(c),
            Parts::PrimOp(p) => Value::PrimOp(p),
            Parts::PrimOpApp(p) => Value::PrimOpApp(p),
            Parts::Thunk(t) => Value::Thunk(t),
        }
    }
}

/// A lambda together with the environment it closes over.
pub struct Closure {
    pub def: Rc<LambdaDef>,
    pub env: Env,
}

/// The Rust function behind a builtin. It receives its arguments unforced.
pub type PrimOpFn = fn(&mut Eval, &mut [Value], Span) -> Result<Value>;

/// A builtin's shortcut for arguments already evaluated (none a thunk): the result, if
/// computing it now forces nothing, cannot fail and takes constant time (`elemAt` of an
/// index in range, `length`, `isAttrs`, ...); `None` leaves the call to be made lazily.
/// The evaluator calls it where it would otherwise suspend the call in a thunk.
pub type EagerFn = fn(&[&Value]) -> Option<Value>;

/// A builtin function.
pub struct PrimOp {
    pub name: &'static str,
    pub arity: usize,
    pub func: PrimOpFn,
    pub eager: Option<EagerFn>,
}

/// A builtin applied to fewer arguments than its arity.
pub struct PrimOpApp {
    pub op: &'static PrimOp,
    pub args: Vec<Value>,
}

impl Value {
    /// The contents, taking over this value's handle (no count changes).
    #[inline(always)]
    pub(crate) fn into_parts(self) -> Parts {
        let v = std::mem::ManuallyDrop::new(self);
        // SAFETY: each field is read once and `v` is never dropped, so the handle it
        // held moves to the result.
        unsafe {
            match &*v {
                Value::Null => Parts::Null,
                Value::Bool(b) => Parts::Bool(*b),
                Value::Int(i) => Parts::Int(*i),
                Value::Float(f) => Parts::Float(*f),
                Value::String(s) => Parts::String(std::ptr::read(s)),
                Value::Path(p) => Parts::Path(std::ptr::read(p)),
                Value::Attrs(a) => Parts::Attrs(std::ptr::read(a)),
                Value::List(l) => Parts::List(std::ptr::read(l)),
                Value::Lambda(c) => Parts::Lambda(std::ptr::read(c)),
                Value::PrimOp(p) => Parts::PrimOp(p),
                Value::PrimOpApp(p) => Parts::PrimOpApp(std::ptr::read(p)),
                Value::Thunk(t) => Parts::Thunk(std::ptr::read(t)),
            }
        }
    }

    /// The string, taking over the handle; the value back if it is not a string.
    #[inline(always)]
    pub fn into_string(self) -> std::result::Result<NixString, Value> {
        match self.into_parts() {
            Parts::String(s) => Ok(s),
            other => Err(other.into_value()),
        }
    }

    /// The set, taking over the handle; the value back if it is not a set.
    #[inline(always)]
    pub fn into_attrs(self) -> std::result::Result<Rc<Attrs>, Value> {
        match self.into_parts() {
            Parts::Attrs(a) => Ok(a),
            other => Err(other.into_value()),
        }
    }

    /// The list, taking over the handle; the value back if it is not a list.
    #[inline(always)]
    pub fn into_list(self) -> std::result::Result<Rc<Vec<Value>>, Value> {
        match self.into_parts() {
            Parts::List(l) => Ok(l),
            other => Err(other.into_value()),
        }
    }

    /// A string value without context.
    pub fn str(s: impl Into<String>) -> Value {
        Value::String(NixString::new(s.into()))
    }

    /// A list value.
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Rc::new(v))
    }

    /// An attribute set value.
    pub fn attrs(a: Attrs) -> Value {
        Value::Attrs(Rc::new(a))
    }

    /// The type name used in error messages ("an integer", "a set", ...), as Nix's showType.
    pub fn type_desc(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a Boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a float",
            Value::String(_) => "a string",
            Value::Path(_) => "a path",
            Value::Attrs(_) => "a set",
            Value::List(_) => "a list",
            Value::Lambda(_) => "a function",
            Value::PrimOp(_) => "a built-in function",
            Value::PrimOpApp(_) => "a partially applied built-in function",
            Value::Thunk(_) => "a thunk",
        }
    }

    /// The name `builtins.typeOf` returns.
    pub fn type_of(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::String(_) => "string",
            Value::Path(_) => "path",
            Value::Attrs(_) => "set",
            Value::List(_) => "list",
            Value::Lambda(_) | Value::PrimOp(_) | Value::PrimOpApp(_) => "lambda",
            Value::Thunk(_) => "thunk",
        }
    }

    /// True for lambdas and builtins.
    pub fn is_function(&self) -> bool {
        matches!(
            self,
            Value::Lambda(_) | Value::PrimOp(_) | Value::PrimOpApp(_)
        )
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn value_is_small() {
        assert_eq!(std::mem::size_of::<super::Value>(), 16);
        assert_eq!(std::mem::size_of::<crate::error::Result<super::Value>>(), 16);
        // Most allocations are thunks: keep their state at three words.
        assert_eq!(std::mem::size_of::<super::ThunkState>(), 24);
        // A thunk's allocation: two 4-byte counts and its 32-byte cell.
        assert_eq!(std::mem::size_of::<super::cell::ThunkBox>(), 40);
        // A scope's header, before its 16-byte slots.
        assert_eq!(std::mem::size_of::<super::thunk::EnvHeader>(), 24);
        // Sets are the other large share: four words per attribute.
        assert_eq!(std::mem::size_of::<super::attrs::Attr>(), 32);
    }

    /// `Value`'s own `clone` and `drop` count every kind of handle exactly: one more per
    /// clone, one fewer per drop, and the last drop frees.
    #[test]
    fn clone_and_drop_count_handles() {
        use super::*;
        let set = Rc::new(Attrs::default());
        let list = Rc::new(vec![Value::Attrs(set.clone())]);
        let thunk = Thunk::from_state(ThunkState::Done(Value::List(list.clone())));
        let string = NixString::new("s".to_string());
        let values = [
            Value::Attrs(set.clone()),
            Value::List(list.clone()),
            Value::Thunk(thunk.clone()),
            Value::String(string.clone()),
        ];
        let counts = || {
            [
                Rc::strong_count(&set),
                Rc::strong_count(&list),
                thunk.0.strong_count(),
            ]
        };
        assert_eq!(counts(), [3, 3, 2]);
        let copies: Vec<Value> = values.iter().chain(values.iter()).cloned().collect();
        assert_eq!(counts(), [5, 5, 4]);
        drop(copies);
        drop(values);
        assert_eq!(counts(), [2, 2, 1]);
        assert_eq!(string.as_str(), "s");
        // The last handles: the thunk frees its list, which frees its set.
        drop(thunk);
        assert_eq!(Rc::strong_count(&list), 1);
        drop(list);
        assert_eq!(Rc::strong_count(&set), 1);
        // Moving the contents out takes the handle over.
        let v = Value::Attrs(set.clone());
        let back = v.into_attrs().ok().expect("a set");
        assert_eq!(Rc::strong_count(&set), 2);
        drop(back);
        assert_eq!(Rc::strong_count(&set), 1);
        assert!(Value::Int(1).into_list().is_err());
    }
}
