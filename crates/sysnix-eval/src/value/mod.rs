//! Runtime values. A [`Value`] is 16 bytes: scalars inline, everything else behind a
//! counted handle ([`Shared`], or [`ThunkPtr`] for thunks).
//! Unevaluated values are [`Value::Thunk`]; the evaluator forces them on demand.

mod attrs;
mod cell;
pub mod gc;
mod pool;
pub mod release;
mod shared;
mod string;
mod thunk;

pub use attrs::{Attr, Attrs, AttrsBuilder, IndexHint};
pub use cell::{ThunkCell, ThunkPtr};
pub use shared::Shared;
pub use string::{Context, ContextElem, NixString, secret_in};
pub use thunk::{Env, NativeCall, Thunk, ThunkState};

use crate::compiler::LambdaDef;
use crate::error::Result;
use crate::eval::Eval;
use crate::source::Span;
use std::rc::Rc;

/// A Nix value (possibly an unevaluated thunk).
///
/// `repr(u64)`: the tag is the first word and each variant's field is the second. (As
/// `repr(u8)`, the tag took one byte and left seven of padding, and moving a value, or
/// a `Result` of one, copied those in pieces: `repr(u64)` cut the instructions of
/// `lib-like` by 5.3% and its time by 9%, of the module benchmark by 2.2% and 3%.)
/// The variants that hold a counted handle come last: each handle ([`Shared`],
/// [`ThunkPtr`]) is one pointer to an allocation that starts with its count word
/// ([`cell::Counts`]), which `clone` and `drop` use without looking at the variant.
#[repr(u64)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    PrimOp(&'static PrimOp),
    String(NixString),
    /// An absolute, canonical path.
    Path(Shared<String>),
    Attrs(Shared<Attrs>),
    List(Shared<Vec<Value>>),
    Lambda(Shared<Closure>),
    PrimOpApp(Shared<PrimOpApp>),
    Thunk(Thunk),
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);

impl Value {
    /// The tag of the first variant that holds a counted handle (see [`Value`]).
    const FIRST_COUNTED: u64 = 5;

    /// The count word of the allocation a counted variant's handle points to.
    ///
    /// Safety: the value is of a counted variant (tag at least `FIRST_COUNTED`).
    #[inline(always)]
    unsafe fn counts(&self) -> &cell::Counts {
        // SAFETY: in a `repr(u64)` enum, each variant's field starts after the tag, at
        // byte 8; the counted variants' fields are all one pointer (`Shared`,
        // `NixString`, `Thunk` and `ThunkPtr` are transparent over a `NonNull`) to a
        // `repr(C)` allocation whose first field is its `Counts` (`SharedBox`,
        // `ThunkBox`, a string's `Header`), alive while this handle is.
        unsafe {
            let field = (self as *const Value as *const u8).add(8) as *const *const cell::Counts;
            &**field
        }
    }

    /// Whether the value holds no counted handle (null, a boolean, a number, a
    /// builtin): plain data, which may be copied on any thread.
    #[inline]
    pub fn is_plain(&self) -> bool {
        self.tag() < Self::FIRST_COUNTED
    }

    #[inline(always)]
    fn tag(&self) -> u64 {
        // SAFETY: a `repr(u64)` enum starts with its tag.
        unsafe { *(self as *const Value as *const u64) }
    }
}

impl Clone for Value {
    /// One more count for a variant that holds a handle, then a copy of the bits: every
    /// handle's count is in the same place, so this is a test of the tag and an
    /// increment, inline (a derived `clone` is a call to one function shared by every
    /// caller, jumping through a table of the variants).
    #[inline(always)]
    fn clone(&self) -> Value {
        if self.tag() >= Value::FIRST_COUNTED {
            // SAFETY: a counted variant.
            unsafe { self.counts() }.inc();
        }
        // SAFETY: the handle a counted variant holds was counted above, so the copy owns
        // one; the other variants hold nothing to count.
        unsafe { std::ptr::read(self) }
    }
}

impl Drop for Value {
    /// Most drops are of one handle among several: the count goes down in place, inline
    /// as in `clone`, and the variant's own drop (which the drop glue reaches through a
    /// table of every variant) runs only for the last handle.
    #[inline(always)]
    fn drop(&mut self) {
        // SAFETY: a counted variant.
        if self.tag() >= Value::FIRST_COUNTED && unsafe { self.counts() }.release_shared() {
            // SAFETY: the handle was released above; `Null` holds nothing, so the drop
            // of the fields that follows does nothing.
            unsafe { std::ptr::write(self, Value::Null) };
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
    /// The payload `field` finds, taking over the handle; the value back if it finds
    /// none.
    #[inline(always)]
    fn take<T>(self, field: impl FnOnce(&Value) -> Option<&T>) -> std::result::Result<T, Value> {
        match field(&self) {
            // SAFETY: the field is read once and `self` is forgotten, so its handle
            // moves to the result (`Value` implements `Drop`: no move out by pattern).
            Some(x) => {
                let x = unsafe { std::ptr::read(x) };
                std::mem::forget(self);
                Ok(x)
            }
            None => Err(self),
        }
    }

    /// The string, taking over the handle; the value back if it is not a string.
    #[inline(always)]
    pub fn into_string(self) -> std::result::Result<NixString, Value> {
        self.take(|v| match v {
            Value::String(s) => Some(s),
            _ => None,
        })
    }

    /// The set, taking over the handle; the value back if it is not a set.
    #[inline(always)]
    pub fn into_attrs(self) -> std::result::Result<Shared<Attrs>, Value> {
        self.take(|v| match v {
            Value::Attrs(a) => Some(a),
            _ => None,
        })
    }

    /// The list, taking over the handle; the value back if it is not a list.
    #[inline(always)]
    pub fn into_list(self) -> std::result::Result<Shared<Vec<Value>>, Value> {
        self.take(|v| match v {
            Value::List(l) => Some(l),
            _ => None,
        })
    }

    /// A string value without context.
    pub fn str(s: impl string::IntoNixString) -> Value {
        Value::String(s.into_nix_string())
    }

    /// A list value.
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Shared::new(v))
    }

    /// An attribute set value.
    pub fn attrs(a: Attrs) -> Value {
        Value::Attrs(Shared::new(a))
    }

    /// The type name used in error messages ("an integer", "a set", ...), as Nix's showType.
    pub fn type_desc(&self) -> std::borrow::Cow<'static, str> {
        match self {
            // Nix names the builtin (`the built-in function 'head'`).
            Value::PrimOp(op) => format!("the built-in function '{}'", op.name).into(),
            Value::PrimOpApp(app) => {
                format!("the partially applied built-in function '{}'", app.op.name).into()
            }
            other => other.kind_desc().into(),
        }
    }

    /// The kind of a value, as [`Value::type_desc`] names it without the builtin's name.
    pub fn kind_desc(&self) -> &'static str {
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
        assert_eq!(
            std::mem::size_of::<crate::error::Result<super::Value>>(),
            16
        );
        // Most allocations are thunks: keep their state at three words.
        assert_eq!(std::mem::size_of::<super::ThunkState>(), 24);
        // A thunk's allocation: two 4-byte counts and its 32-byte cell.
        assert_eq!(std::mem::size_of::<super::cell::ThunkBox>(), 40);
        // A scope's header, before its 16-byte slots.
        assert_eq!(std::mem::size_of::<super::thunk::EnvHeader>(), 24);
        // Sets are the other large share: four words per attribute.
        assert_eq!(std::mem::size_of::<super::attrs::Attr>(), 32);
    }

    /// `clone` and `drop` tell the counted variants by their tag.
    #[test]
    fn counted_variants_are_the_last_tags() {
        use super::*;
        let f: &'static PrimOp = Box::leak(Box::new(PrimOp {
            name: "f",
            arity: 1,
            func: |_, _, _| Ok(Value::Null),
            eager: None,
        }));
        let plain = [
            Value::Null,
            Value::Bool(true),
            Value::Int(1),
            Value::Float(1.0),
            Value::PrimOp(f),
        ];
        for v in &plain {
            assert!(v.tag() < Value::FIRST_COUNTED, "{}", v.type_desc());
        }
        let counted = [
            Value::str("s"),
            Value::Path(Shared::new("/p".to_string())),
            Value::attrs(Attrs::default()),
            Value::list(vec![]),
            Value::PrimOpApp(Shared::new(PrimOpApp {
                op: f,
                args: vec![],
            })),
            Value::Thunk(Thunk::from_state(ThunkState::Done(Value::Null))),
        ];
        for v in &counted {
            assert!(v.tag() >= Value::FIRST_COUNTED, "{}", v.type_desc());
            // SAFETY: a counted variant.
            assert_eq!(unsafe { v.counts() }.strong(), 1, "{}", v.type_desc());
        }
    }

    /// `Value`'s own `clone` and `drop` count every kind of handle exactly: one more per
    /// clone, one fewer per drop, and the last drop frees.
    #[test]
    fn clone_and_drop_count_handles() {
        use super::*;
        let set = Shared::new(Attrs::default());
        let list = Shared::new(vec![Value::Attrs(set.clone())]);
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
                Shared::strong_count(&set),
                Shared::strong_count(&list),
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
        assert_eq!(Shared::strong_count(&list), 1);
        drop(list);
        assert_eq!(Shared::strong_count(&set), 1);
        // Moving the contents out takes the handle over.
        let v = Value::Attrs(set.clone());
        let back = v.into_attrs().ok().expect("a set");
        assert_eq!(Shared::strong_count(&set), 2);
        drop(back);
        assert_eq!(Shared::strong_count(&set), 1);
        assert!(Value::Int(1).into_list().is_err());
    }
}
