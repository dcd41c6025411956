//! Type predicates: `typeOf`, `isInt`, `isAttrs`, ...

use crate::error::Result;
use crate::eval::Eval;
use crate::source::Span;
use crate::value::{PrimOp, Value};

/// A predicate (`$fname`) and its shortcut for an argument already evaluated (`$now`).
macro_rules! is_type {
    ($fname:ident, $now:ident, $pat:pat) => {
        fn $fname(ev: &mut Eval, a: &mut [Value], _: Span) -> Result<Value> {
            Ok(Value::Bool(matches!(ev.force(&a[0])?, $pat)))
        }
        fn $now(a: &[&Value]) -> Option<Value> {
            Some(Value::Bool(matches!(*a[0], $pat)))
        }
    };
}

is_type!(is_int, is_int_now, Value::Int(_));
is_type!(is_float, is_float_now, Value::Float(_));
is_type!(is_bool, is_bool_now, Value::Bool(_));
is_type!(is_string, is_string_now, Value::String(_));
is_type!(is_path, is_path_now, Value::Path(_));
is_type!(is_attrs, is_attrs_now, Value::Attrs(_));
is_type!(is_list, is_list_now, Value::List(_));
is_type!(is_null, is_null_now, Value::Null);
is_type!(
    is_function,
    is_function_now,
    Value::Lambda(_) | Value::PrimOp(_) | Value::PrimOpApp(_)
);

fn type_of(ev: &mut Eval, a: &mut [Value], _: Span) -> Result<Value> {
    Ok(Value::str(ev.force(&a[0])?.type_of()))
}

fn type_of_now(a: &[&Value]) -> Option<Value> {
    Some(Value::str(a[0].type_of()))
}

pub static PRIMOPS: &[PrimOp] = &[
    PrimOp {
        name: "typeOf",
        arity: 1,
        func: type_of,
        eager: Some(type_of_now),
    },
    PrimOp {
        name: "isInt",
        arity: 1,
        func: is_int,
        eager: Some(is_int_now),
    },
    PrimOp {
        name: "isFloat",
        arity: 1,
        func: is_float,
        eager: Some(is_float_now),
    },
    PrimOp {
        name: "isBool",
        arity: 1,
        func: is_bool,
        eager: Some(is_bool_now),
    },
    PrimOp {
        name: "isString",
        arity: 1,
        func: is_string,
        eager: Some(is_string_now),
    },
    PrimOp {
        name: "isPath",
        arity: 1,
        func: is_path,
        eager: Some(is_path_now),
    },
    PrimOp {
        name: "isAttrs",
        arity: 1,
        func: is_attrs,
        eager: Some(is_attrs_now),
    },
    PrimOp {
        name: "isList",
        arity: 1,
        func: is_list,
        eager: Some(is_list_now),
    },
    PrimOp {
        name: "isNull",
        arity: 1,
        func: is_null,
        eager: Some(is_null_now),
    },
    PrimOp {
        name: "isFunction",
        arity: 1,
        func: is_function,
        eager: Some(is_function_now),
    },
];
