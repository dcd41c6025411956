//! Values known without evaluating. Where the evaluator suspends an expression in a
//! thunk, [`Eval::delay`] takes a literal's or a variable's value as it is; for a call's
//! argument, [`Eval::delay_arg`] also looks whether the value is already at hand (`let`
//! bindings, attributes and list elements are suspended as in Nix: looking there changed
//! what lazy printing shows and cost more than it saved). A value is at hand when
//! computing it forces nothing, cannot fail and takes constant time:
//!
//! - a literal, or a variable (its value, evaluated or not);
//! - `s.a.b` where `s` and each set on the path are evaluated and have the attribute:
//!   the attribute's value, evaluated or not;
//! - integer arithmetic and comparisons on evaluated integers (no overflow);
//! - a builtin with a shortcut ([`crate::value::EagerFn`]: `elemAt` of an index in
//!   range, `length`, `head`, `isAttrs`, ...) given evaluated arguments;
//! - a function (`map (x: ...) l`): a closure is no dearer than the thunk that would
//!   make it.
//!
//! The result is the same value the thunk would have given when forced, so only lazy
//! printing can tell (see docs/differences.md). What it saves is the thunk: its
//! allocation, its registration with the cycle collector, and forcing it, which is
//! most of the cost of a small expression (`lib-like`'s `op (b.elemAt list n) ...`).
//! The looks are by reference: a failed one costs a few loads.

use super::{Eval, ops};
use crate::compiler::{AttrKey, BinOp, Expr, VarRef};
use crate::value::Shared;
use crate::value::{Closure, Env, Value};
use std::rc::Rc;

impl Eval {
    /// Suspends `e` in `env`: a literal's or a variable's value as it is, else a thunk.
    #[inline]
    pub fn delay(&mut self, e: &Rc<Expr>, env: &Env) -> Value {
        match e.as_ref() {
            Expr::Lit(v) => v.clone(),
            Expr::Var(VarRef::Global(v), _) => v.clone(),
            Expr::Var(VarRef::Deferred(name, v), _) => self.deferred_global(*name, v),
            Expr::Var(VarRef::Local { depth, idx }, _) => match env.get(*depth, *idx) {
                Some(v) => v.clone(),
                None => suspend(e, env),
            },
            _ => suspend(e, env),
        }
    }

    /// Suspends a call's argument: as [`Eval::delay`], and a function is made now,
    /// since it is about to be called, most likely. (In sets and lists, functions made
    /// now cost more than they saved: `fixpoint` +0.5% and +0.7% instructions. In a `let` or `rec`,
    /// a closure in a slot of its own scope would be a cycle without a thunk on it,
    /// which the cycle collector does not look for.)
    #[inline(always)]
    pub(super) fn delay_arg(&mut self, e: &Rc<Expr>, env: &Env) -> Value {
        let v = match &**e {
            Expr::Lambda(def) => {
                return Value::Lambda(Shared::new(Closure {
                    def: def.clone(),
                    env: env.clone(),
                }));
            }
            e => known(e, env),
        };
        match v {
            Some(v) => v,
            None => suspend(e, env),
        }
    }
}

/// `e` in `env`, suspended in a new thunk.
#[inline]
fn suspend(e: &Rc<Expr>, env: &Env) -> Value {
    Value::Thunk(crate::value::Thunk::new(e.clone(), env.clone()))
}

/// The value of `e` in `env` if it is at hand (see the module's doc); it may be a thunk.
#[inline(always)]
fn known(e: &Expr, env: &Env) -> Option<Value> {
    match e {
        Expr::Lit(v) => Some(v.clone()),
        Expr::Var(VarRef::Global(v), _) => Some(v.clone()),
        Expr::Var(VarRef::Deferred(_, v), _) => v.get().cloned(),
        Expr::Var(VarRef::Local { depth, idx }, _) => env.get(*depth, *idx).cloned(),
        Expr::BinOp(op, l, r, _, _) => int_op(*op, l, r, env),
        Expr::Select(..) | Expr::Call(..) => known_compound(e, env),
        _ => None,
    }
}

/// [`known`] for selections and calls.
#[inline(never)]
fn known_compound(e: &Expr, env: &Env) -> Option<Value> {
    match e {
        Expr::Select(..) => select(e, env).cloned(),
        Expr::Call(f, args, _) => {
            let Value::PrimOp(op) = peek(f, env)? else {
                return None;
            };
            let eager = op.eager?;
            let mut tmp = [Value::Null, Value::Null];
            match (&args[..], op.arity) {
                ([a], 1) => eager(&[operand(a, env, &mut tmp[0])?]),
                ([a, b], 2) => {
                    let [t0, t1] = &mut tmp;
                    eager(&[operand(a, env, t0)?, operand(b, env, t1)?])
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The evaluated value of a builtin's argument `e`: borrowed where it is, or an integer
/// operation's result, kept in `tmp`.
#[inline]
fn operand<'a>(e: &'a Expr, env: &'a Env, tmp: &'a mut Value) -> Option<&'a Value> {
    if let Expr::BinOp(op, l, r, _, _) = e {
        *tmp = int_op(*op, l, r, env)?;
        return Some(tmp);
    }
    peek(e, env)
}

/// The integer `e` evaluates to, if it is one at hand: a literal, a variable, or an
/// integer operation on such.
#[inline(always)]
fn int(e: &Expr, env: &Env) -> Option<i64> {
    match e {
        Expr::Lit(Value::Int(i)) => Some(*i),
        Expr::Var(VarRef::Local { depth, idx }, _) => match whnf(env.get(*depth, *idx)?)? {
            Value::Int(i) => Some(*i),
            _ => None,
        },
        Expr::BinOp(..) => int_nested(e, env),
        _ => None,
    }
}

/// [`int`] of an operation.
#[inline(never)]
fn int_nested(e: &Expr, env: &Env) -> Option<i64> {
    let Expr::BinOp(op, l, r, _, _) = e else {
        return None;
    };
    match int_op(*op, l, r, env)? {
        Value::Int(i) => Some(i),
        _ => None,
    }
}

/// `l op r` on integers at hand ([`int`]): arithmetic without overflow, or a comparison.
#[inline(always)]
fn int_op(op: BinOp, l: &Expr, r: &Expr, env: &Env) -> Option<Value> {
    ops::int_binop(op, int(l, env)?, int(r, env)?)
}

/// The evaluated value of `e` in `env`, borrowed, if it is a literal, a variable or a
/// selection whose value is evaluated.
#[inline]
fn peek<'a>(e: &'a Expr, env: &'a Env) -> Option<&'a Value> {
    let v = match e {
        Expr::Lit(v) => v,
        Expr::Var(VarRef::Global(v), _) => v,
        Expr::Var(VarRef::Deferred(_, v), _) => v.get()?,
        Expr::Var(VarRef::Local { depth, idx }, _) => env.get(*depth, *idx)?,
        Expr::Select(..) => select(e, env)?,
        _ => return None,
    };
    whnf(v)
}

/// The value selected by `e` (a selection) if its set is evaluated and each name on the
/// path is there: borrowed, evaluated or not.
fn select<'a>(e: &'a Expr, env: &'a Env) -> Option<&'a Value> {
    let Expr::Select(target, keys, _, _) = e else {
        return None;
    };
    let (last, path) = keys.split_last()?;
    let mut v = peek(target, env)?;
    for key in path {
        v = whnf(attr(v, key)?)?;
    }
    attr(v, last)
}

/// `v` if evaluated: itself, or a forced thunk's value.
#[inline]
pub(super) fn whnf(v: &Value) -> Option<&Value> {
    match v {
        Value::Thunk(t) => t.0.done_ref(),
        v => Some(v),
    }
}

/// Attribute `key` of `v`, if `v` is a set with it and `key` is a plain name.
#[inline]
fn attr<'a>(v: &'a Value, key: &'a AttrKey) -> Option<&'a Value> {
    let (Value::Attrs(a), AttrKey::Static(name, hint)) = (v, key) else {
        return None;
    };
    Some(&a.get_attr_hinted(*name, hint)?.value)
}
