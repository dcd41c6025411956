//! Arithmetic builtins: add, sub, mul, div, lessThan, bit operations, ceil, floor.

use crate::compiler::BinOp;
use crate::error::Result;
use crate::eval::Eval;
use crate::source::Span;
use crate::value::{PrimOp, Value};
use std::cmp::Ordering;

fn arith(op: BinOp, ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let x = ev.force(&a[0])?;
    let y = ev.force(&a[1])?;
    ev.arith(op, x, y, span, span)
}

fn add(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    arith(BinOp::Add, ev, a, span)
}
fn sub(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    arith(BinOp::Sub, ev, a, span)
}
fn mul(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    arith(BinOp::Mul, ev, a, span)
}
fn div(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    arith(BinOp::Div, ev, a, span)
}

fn less_than(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    Ok(Value::Bool(
        ev.compare(&a[0], &a[1], span)? == Ordering::Less,
    ))
}

fn bits(ev: &mut Eval, a: &mut [Value], span: Span, f: fn(i64, i64) -> i64) -> Result<Value> {
    let x = ev.expect_int(&a[0], span)?;
    let y = ev.expect_int(&a[1], span)?;
    Ok(Value::Int(f(x, y)))
}
fn bit_and(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    bits(ev, a, span, |x, y| x & y)
}
fn bit_or(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    bits(ev, a, span, |x, y| x | y)
}
fn bit_xor(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    bits(ev, a, span, |x, y| x ^ y)
}

fn round(ev: &mut Eval, a: &mut [Value], span: Span, f: fn(f64) -> f64) -> Result<Value> {
    match ev.force(&a[0])? {
        Value::Int(i) => Ok(Value::Int(i)),
        v => {
            let x = ev.expect_number(&v, span)?;
            let r = f(x);
            if !(-9.223372036854776e18..9.223372036854776e18).contains(&r) {
                return Err(ev.error(format!("float {x} does not fit in an integer"), span));
            }
            Ok(Value::Int(r as i64))
        }
    }
}
fn ceil(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    round(ev, a, span, f64::ceil)
}
fn floor(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    round(ev, a, span, f64::floor)
}

pub static PRIMOPS: &[PrimOp] = &[
    PrimOp {
        name: "add",
        arity: 2,
        func: add,
        eager: None,
    },
    PrimOp {
        name: "sub",
        arity: 2,
        func: sub,
        eager: None,
    },
    PrimOp {
        name: "mul",
        arity: 2,
        func: mul,
        eager: None,
    },
    PrimOp {
        name: "div",
        arity: 2,
        func: div,
        eager: None,
    },
    PrimOp {
        name: "lessThan",
        arity: 2,
        func: less_than,
        eager: None,
    },
    PrimOp {
        name: "bitAnd",
        arity: 2,
        func: bit_and,
        eager: None,
    },
    PrimOp {
        name: "bitOr",
        arity: 2,
        func: bit_or,
        eager: None,
    },
    PrimOp {
        name: "bitXor",
        arity: 2,
        func: bit_xor,
        eager: None,
    },
    PrimOp {
        name: "ceil",
        arity: 1,
        func: ceil,
        eager: None,
    },
    PrimOp {
        name: "floor",
        arity: 1,
        func: floor,
        eager: None,
    },
];
