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
#[derive(Clone)]
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
        // Most allocations are thunks: keep their state at three words.
        assert_eq!(std::mem::size_of::<super::ThunkState>(), 24);
        // A thunk's allocation: two 4-byte counts and its 32-byte cell.
        assert_eq!(std::mem::size_of::<super::cell::ThunkBox>(), 40);
        // A scope's header, before its 16-byte slots.
        assert_eq!(std::mem::size_of::<super::thunk::EnvHeader>(), 24);
        // Sets are the other large share: four words per attribute.
        assert_eq!(std::mem::size_of::<super::attrs::Attr>(), 32);
    }
}
