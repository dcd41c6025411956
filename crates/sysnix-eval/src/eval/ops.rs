//! Binary operators: arithmetic (with overflow errors, as current Nix), `+` on strings and
//! paths, comparison, equality, `//`, `++` and the lazy Boolean operators.

use super::Eval;
use crate::compiler::{BinOp, Expr};
use crate::error::Result;
use crate::source::Span;
use crate::value::Shared;
use crate::value::{Env, Value};
use std::cmp::Ordering;
use std::rc::Rc;

impl Eval {
    #[inline(never)]
    pub(super) fn binop(&mut self, e: &Expr, env: &Env) -> Result<Value> {
        let Expr::BinOp(op, l, r, ls, rs) = e else {
            unreachable!("binop is given operators")
        };
        let (op, ls, rs) = (*op, *ls, *rs);
        match op {
            BinOp::And => {
                if !self.bool_operand(l, env, ls)? {
                    return Ok(Value::Bool(false));
                }
                Ok(Value::Bool(self.bool_operand(r, env, ls)?))
            }
            BinOp::Or => {
                if self.bool_operand(l, env, ls)? {
                    return Ok(Value::Bool(true));
                }
                Ok(Value::Bool(self.bool_operand(r, env, ls)?))
            }
            BinOp::Impl => {
                if !self.bool_operand(l, env, ls)? {
                    return Ok(Value::Bool(true));
                }
                Ok(Value::Bool(self.bool_operand(r, env, ls)?))
            }
            BinOp::PipeRight => {
                let x = self.delay(l, env);
                let f = self.eval(r, env)?;
                self.call(&f, x, rs)
            }
            BinOp::PipeLeft => {
                let f = self.eval(l, env)?;
                let x = self.delay(r, env);
                self.call(&f, x, ls)
            }
            _ => {
                let a = self.eval_operand(l, env)?;
                // Nix checks the left operand of `//`, and coerces the left operand of a
                // string `+`, before it evaluates the right one: its error comes first.
                match op {
                    BinOp::Update if !matches!(a, Value::Attrs(_)) => {
                        self.expect_attrs(&a, ls).map_err(no_pos)?;
                    }
                    BinOp::Add
                        if !matches!(a, Value::Int(_) | Value::Float(_) | Value::Path(_)) =>
                    {
                        return self.add_strings(&a, |ev| ev.eval_right_operand(r, env), ls, rs);
                    }
                    _ => {}
                }
                let b = self.eval_right_operand(r, env)?;
                if let (Value::Int(x), Value::Int(y)) = (&a, &b)
                    && let Some(v) = int_binop(op, *x, *y)
                {
                    return Ok(v);
                }
                self.binop_values(op, a, b, ls, rs)
            }
        }
    }

    /// An operand of `&&`, `||` or `->`: a comparison decided in place, anything else
    /// evaluated and checked to be a Boolean (errors at `span`).
    #[inline(always)]
    fn bool_operand(&mut self, e: &Rc<Expr>, env: &Env, span: Span) -> Result<bool> {
        if let Some(b) = self.eval_comparison(e, env)? {
            return Ok(b);
        }
        let v = self.eval(e, env)?;
        self.expect_bool(&v, span)
    }

    /// A strict binary operator applied to two forced values.
    pub fn binop_values(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        ls: Span,
        rs: Span,
    ) -> Result<Value> {
        match op {
            BinOp::Eq => Ok(Value::Bool(self.values_equal(&a, &b, ls)?)),
            BinOp::NotEq => Ok(Value::Bool(!self.values_equal(&a, &b, ls)?)),
            BinOp::Lt => Ok(Value::Bool(self.compare(&a, &b, ls)? == Ordering::Less)),
            BinOp::Gt => Ok(Value::Bool(self.compare(&b, &a, ls)? == Ordering::Less)),
            BinOp::Le => Ok(Value::Bool(self.compare(&b, &a, ls)? != Ordering::Less)),
            BinOp::Ge => Ok(Value::Bool(self.compare(&a, &b, ls)? != Ordering::Less)),
            BinOp::Update => {
                // Nix 2.8 reports `//` type errors without a position.
                let x = self.expect_attrs(&a, ls).map_err(no_pos)?;
                let y = self.expect_attrs(&b, rs).map_err(no_pos)?;
                if y.is_empty() {
                    return Ok(Value::Attrs(x));
                }
                if x.is_empty() {
                    return Ok(Value::Attrs(y));
                }
                Ok(Value::attrs(x.update(&y)))
            }
            BinOp::Concat => {
                let x = self.expect_list(&a, ls)?;
                let y = self.expect_list(&b, ls)?;
                if y.is_empty() {
                    return Ok(Value::List(x));
                }
                if x.is_empty() {
                    return Ok(Value::List(y));
                }
                let mut v = Vec::with_capacity(x.len() + y.len());
                v.extend(x.iter().cloned());
                v.extend(y.iter().cloned());
                Ok(Value::list(v))
            }
            BinOp::Add => self.add(a, b, ls, rs),
            BinOp::Sub | BinOp::Mul | BinOp::Div => self.arith(op, a, b, ls, rs),
            BinOp::And | BinOp::Or | BinOp::Impl | BinOp::PipeLeft | BinOp::PipeRight => {
                unreachable!("lazy operators are handled in binop")
            }
        }
    }

    /// `+`: numbers add, paths and strings concatenate (the left operand decides).
    fn add(&mut self, a: Value, b: Value, ls: Span, rs: Span) -> Result<Value> {
        match (&a, &b) {
            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                self.arith(BinOp::Add, a, b, ls, rs)
            }
            (Value::Int(_), other) => Err(self.error(
                format!("cannot add {} to an integer", other.type_desc()),
                rs,
            )),
            (Value::Float(_), other) => {
                Err(self.error(format!("cannot add {} to a float", other.type_desc()), rs))
            }
            (Value::Path(p), _) => {
                let mut ctx = Default::default();
                let s = self.coerce_to_string(&b, rs, super::CoerceMode::NoCopy, &mut ctx)?;
                if ctx.iter().any(|e| e.is_store_ref()) {
                    // At the start of the whole `+` (its left operand), as Nix.
                    return Err(self.error(
                        "a string that refers to a store path cannot be appended to a path"
                            .to_string(),
                        ls,
                    ));
                }
                Ok(Value::Path(Shared::new(crate::compiler::canon_path(
                    &format!("{p}{s}"),
                ))))
            }
            _ => self.add_strings(&a, |_| Ok(b), ls, rs),
        }
    }

    /// `a + b` where `a` is neither a number nor a path: a string. `a` is coerced before
    /// `b` is made (evaluated, when `binop` calls this), as Nix does. (Out of line:
    /// `binop`'s frame stays small.)
    #[inline(never)]
    fn add_strings(
        &mut self,
        a: &Value,
        b: impl FnOnce(&mut Self) -> Result<Value>,
        ls: Span,
        rs: Span,
    ) -> Result<Value> {
        let mut ctx = Default::default();
        let mut s = self.take_string_buf();
        self.coerce_append(a, ls, super::CoerceMode::Interpolation, &mut ctx, &mut s)?;
        let b = b(self)?;
        self.coerce_append(&b, rs, super::CoerceMode::Interpolation, &mut ctx, &mut s)?;
        Ok(Value::String(self.finish_string(s, ctx)))
    }

    /// `-`, `*`, `/` (and `+` on numbers). Integer overflow is an error, as in current Nix.
    pub fn arith(&mut self, op: BinOp, a: Value, b: Value, ls: Span, rs: Span) -> Result<Value> {
        let span = ls;
        let _ = rs;
        if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
            let (x, y) = (*x, *y);
            let (r, verb, sym) = match op {
                BinOp::Add => (x.checked_add(y), "adding", "+"),
                BinOp::Sub => (x.checked_sub(y), "subtracting", "-"),
                BinOp::Mul => (x.checked_mul(y), "multiplying", "*"),
                _ => {
                    if y == 0 {
                        return Err(self.error("division by zero", span));
                    }
                    if x == i64::MIN && y == -1 {
                        return Err(self.error("overflow in integer division", span));
                    }
                    (x.checked_div(y), "dividing", "/")
                }
            };
            return match r {
                Some(v) => Ok(Value::Int(v)),
                None => Err(self.error(format!("integer overflow in {verb} {x} {sym} {y}"), span)),
            };
        }
        if op == BinOp::Div {
            // `__div` checks its divisor as a float first, and that it is not zero,
            // before it looks at the dividend.
            if self.expect_number(&b, span)? == 0.0 {
                return Err(self.error("division by zero", span));
            }
        }
        let is_float = matches!(a, Value::Float(_)) || matches!(b, Value::Float(_));
        if !is_float {
            for v in [&a, &b] {
                if !matches!(v, Value::Int(_)) {
                    return Err(self.error(
                        format!("value is {} while an integer was expected", v.type_desc()),
                        span,
                    ));
                }
            }
        }
        let x = self.expect_number(&a, span)?;
        let y = self.expect_number(&b, span)?;
        Ok(Value::Float(match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            _ => {
                if y == 0.0 {
                    return Err(self.error("division by zero", span));
                }
                x / y
            }
        }))
    }

    /// Nix's `<` ordering: numbers, strings, paths, and lists lexicographically.
    pub fn compare(&mut self, a: &Value, b: &Value, span: Span) -> Result<Ordering> {
        let a = self.force(a)?;
        let b = self.force(b)?;
        match (&a, &b) {
            (Value::Int(x), Value::Int(y)) => Ok(x.cmp(y)),
            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                let (x, y) = (self.expect_number(&a, span)?, self.expect_number(&b, span)?);
                Ok(x.partial_cmp(&y).unwrap_or(Ordering::Equal))
            }
            (Value::String(x), Value::String(y)) => Ok(x.as_str().cmp(y.as_str())),
            (Value::Path(x), Value::Path(y)) => Ok(x.cmp(y)),
            (Value::List(x), Value::List(y)) => {
                for (p, q) in x.iter().zip(y.iter()) {
                    if self.values_equal(p, q, span)? {
                        continue;
                    }
                    return self.compare(p, q, span);
                }
                Ok(x.len().cmp(&y.len()))
            }
            _ => {
                let _ = span;
                Err(crate::error::EvalError::new(
                    crate::error::ErrorKind::Eval,
                    format!("cannot compare {} with {}", a.type_desc(), b.type_desc()),
                    None,
                ))
            }
        }
    }

    /// Nix's `==`: deep, numbers across int/float, derivations by `outPath`, functions never.
    #[allow(clippy::only_used_in_recursion)] // the span is for errors deeper comparisons may raise
    pub fn values_equal(&mut self, a: &Value, b: &Value, span: Span) -> Result<bool> {
        // Values are compared where they are, not cloned (a clone and its drop are two
        // writes to the value's allocation): a value that is not a thunk, or a finished
        // thunk's scalar (which nothing evaluated below can replace: a finished state
        // changes only when an application further up the stack finishes again, or when
        // the collector resets garbage, and this thunk is held by the caller).
        let (fa, fb);
        let a = match a {
            Value::Thunk(t) => match t.0.done_ref() {
                Some(v) if is_scalar(v) => v,
                Some(v) => {
                    fa = v.clone();
                    &fa
                }
                None => {
                    fa = self.force(a)?;
                    &fa
                }
            },
            a => a,
        };
        let b = match b {
            Value::Thunk(t) => match t.0.done_ref() {
                Some(v) if is_scalar(v) => v,
                Some(v) => {
                    fb = v.clone();
                    &fb
                }
                None => {
                    fb = self.force(b)?;
                    &fb
                }
            },
            b => b,
        };
        Ok(match (a, b) {
            (Value::Int(x), Value::Int(y)) => x == y,
            (Value::Int(x), Value::Float(y)) => (*x as f64) == *y,
            (Value::Float(x), Value::Int(y)) => *x == (*y as f64),
            (Value::Float(x), Value::Float(y)) => x == y,
            (Value::Bool(x), Value::Bool(y)) => x == y,
            (Value::Null, Value::Null) => true,
            (Value::String(x), Value::String(y)) => x.as_str() == y.as_str(),
            (Value::Path(x), Value::Path(y)) => x == y,
            (Value::List(x), Value::List(y)) => {
                if Shared::ptr_eq(x, y) {
                    return Ok(true);
                }
                if x.len() != y.len() {
                    return Ok(false);
                }
                // Two lists that contain themselves compare without end: an error.
                self.check_stack(span)?;
                for (p, q) in x.iter().zip(y.iter()) {
                    if !same_value(p, q) && !self.values_equal(p, q, span)? {
                        return Ok(false);
                    }
                }
                true
            }
            (Value::Attrs(x), Value::Attrs(y)) => {
                if Shared::ptr_eq(x, y) {
                    return Ok(true);
                }
                if self.is_derivation(x)?
                    && self.is_derivation(y)?
                    && let (Some(p), Some(q)) = (
                        x.get(self.syms.out_path).cloned(),
                        y.get(self.syms.out_path).cloned(),
                    )
                {
                    return self.values_equal(&p, &q, span);
                }
                if x.len() != y.len() {
                    return Ok(false);
                }
                self.check_stack(span)?;
                for (p, q) in x.iter().zip(y.iter()) {
                    if p.name != q.name
                        || (!same_value(&p.value, &q.value)
                            && !self.values_equal(&p.value, &q.value, span)?)
                    {
                        return Ok(false);
                    }
                }
                true
            }
            _ => false,
        })
    }

    /// True when the set has `type = "derivation"`.
    pub fn is_derivation(&mut self, a: &crate::value::Attrs) -> Result<bool> {
        match a.get(self.syms.type_).cloned() {
            Some(t) => match &self.force(&t)? {
                Value::String(s) => Ok(s.as_str() == "derivation"),
                _ => Ok(false),
            },
            None => Ok(false),
        }
    }
}

/// Nix 2.8 compares the elements of lists and sets by identity first: the same value
/// (even a function) is equal to itself there.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Thunk(x), Value::Thunk(y)) => crate::value::ThunkPtr::ptr_eq(&x.0, &y.0),
        (Value::Lambda(x), Value::Lambda(y)) => Shared::ptr_eq(x, y),
        _ => false,
    }
}

fn no_pos(mut e: Box<crate::error::EvalError>) -> Box<crate::error::EvalError> {
    e.span = None;
    e
}

/// A strict operator on two integers when it cannot fail (`None`: overflow, division, or not
/// an integer operator; the general path then reports the error).
#[inline(always)]
pub(super) fn int_binop(op: BinOp, x: i64, y: i64) -> Option<Value> {
    Some(match op {
        BinOp::Add => Value::Int(x.checked_add(y)?),
        BinOp::Sub => Value::Int(x.checked_sub(y)?),
        BinOp::Mul => Value::Int(x.checked_mul(y)?),
        BinOp::Lt => Value::Bool(x < y),
        BinOp::Gt => Value::Bool(x > y),
        BinOp::Le => Value::Bool(x <= y),
        BinOp::Ge => Value::Bool(x >= y),
        BinOp::Eq => Value::Bool(x == y),
        BinOp::NotEq => Value::Bool(x != y),
        _ => return None,
    })
}

/// A number, Boolean, null or string: a value whose comparison evaluates nothing.
#[inline]
fn is_scalar(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::Null | Value::String(_)
    )
}
