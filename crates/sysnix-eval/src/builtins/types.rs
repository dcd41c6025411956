//! Type predicates: `typeOf`, `isInt`, `isAttrs`, ...

use crate::error::Result;
use crate::eval::Eval;
use crate::source::Span;
use crate::value::{PrimOp, Value};

macro_rules! is_type {
    ($fname:ident, $pat:pat) => {
        fn $fname(ev: &mut Eval, a: &mut [Value], _: Span) -> Result<Value> {
            Ok(Value::Bool(matches!(ev.force(&a[0])?, $pat)))
        }
    };
}

is_type!(is_int, Value::Int(_));
is_type!(is_float, Value::Float(_));
is_type!(is_bool, Value::Bool(_));
is_type!(is_string, Value::String(_));
is_type!(is_path, Value::Path(_));
is_type!(is_attrs, Value::Attrs(_));
is_type!(is_list, Value::List(_));
is_type!(is_null, Value::Null);
is_type!(
    is_function,
    Value::Lambda(_) | Value::PrimOp(_) | Value::PrimOpApp(_)
);

fn type_of(ev: &mut Eval, a: &mut [Value], _: Span) -> Result<Value> {
    Ok(Value::str(ev.force(&a[0])?.type_of()))
}

pub static PRIMOPS: &[PrimOp] = &[
    PrimOp {
        name: "typeOf",
        arity: 1,
        func: type_of,
    },
    PrimOp {
        name: "isInt",
        arity: 1,
        func: is_int,
    },
    PrimOp {
        name: "isFloat",
        arity: 1,
        func: is_float,
    },
    PrimOp {
        name: "isBool",
        arity: 1,
        func: is_bool,
    },
    PrimOp {
        name: "isString",
        arity: 1,
        func: is_string,
    },
    PrimOp {
        name: "isPath",
        arity: 1,
        func: is_path,
    },
    PrimOp {
        name: "isAttrs",
        arity: 1,
        func: is_attrs,
    },
    PrimOp {
        name: "isList",
        arity: 1,
        func: is_list,
    },
    PrimOp {
        name: "isNull",
        arity: 1,
        func: is_null,
    },
    PrimOp {
        name: "isFunction",
        arity: 1,
        func: is_function,
    },
];
