//! The list family: map, filter, foldl', sort, genList, elemAt, partition, groupBy, ...

use crate::error::Result;
use crate::eval::Eval;
use crate::source::Span;
use crate::support::stable_sort::stable_sort;
use crate::symbol::Symbol;
use crate::value::{AttrsBuilder, PrimOp, Shared, Thunk, Value};
use std::collections::BTreeMap;

fn map(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let f = a[0].clone();
    let list = ev.expect_list(&a[1], span)?;
    Ok(Value::list(
        list.iter()
            .map(|x| Value::Thunk(Thunk::apply(f.clone(), x.clone(), span)))
            .collect(),
    ))
}

fn filter(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let f = ev.expect_function(&a[0], span)?;
    let list = ev.expect_list(&a[1], span)?;
    let mut out = Vec::new();
    for x in list.iter() {
        let keep = ev.call(&f, x.clone(), span)?;
        if ev.expect_bool(&keep, span)? {
            out.push(x.clone());
        }
    }
    if out.len() == list.len() {
        return Ok(Value::List(list));
    }
    Ok(Value::list(out))
}

fn index(ev: &mut Eval, list: &[Value], i: i64, span: Span) -> Result<Value> {
    if i < 0 || i as usize >= list.len() {
        return Err(ev.error(format!("list index {i} is out of bounds"), span));
    }
    ev.force(&list[i as usize])
}

pub(crate) fn head(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let list = ev.expect_list(&a[0], span)?;
    index(ev, &list, 0, span)
}

/// `head` of a non-empty list, without forcing the element.
fn head_now(a: &[&Value]) -> Option<Value> {
    match &a[0] {
        Value::List(l) => l.first().cloned(),
        _ => None,
    }
}

fn tail(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let list = ev.expect_list(&a[0], span)?;
    if list.is_empty() {
        return Err(ev.error("'tail' called on an empty list", span));
    }
    Ok(Value::list(list[1..].to_vec()))
}

fn elem_at(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let list = ev.expect_list(&a[0], span)?;
    let i = ev.expect_int(&a[1], span)?;
    index(ev, &list, i, span)
}

/// `elemAt` of an index in range, without forcing the element.
fn elem_at_now(a: &[&Value]) -> Option<Value> {
    match (&a[0], &a[1]) {
        (Value::List(l), Value::Int(i)) => l.get(usize::try_from(*i).ok()?).cloned(),
        _ => None,
    }
}

fn length_now(a: &[&Value]) -> Option<Value> {
    match &a[0] {
        Value::List(l) => Some(Value::Int(l.len() as i64)),
        _ => None,
    }
}

fn length(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    Ok(Value::Int(ev.expect_list(&a[0], span)?.len() as i64))
}

fn elem(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let list = ev.expect_list(&a[1], span)?;
    // Forced once, not once per element. As Nix, only when there is an element to
    // compare it with (its comparison forces it first): `elem (throw "x") [ ]` is false.
    if list.is_empty() {
        return Ok(Value::Bool(false));
    }
    let x0 = ev.force(&a[0])?;
    for x in list.iter() {
        if ev.values_equal(&x0, x, span)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn gen_list(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let f = a[0].clone();
    let n = ev.expect_int(&a[1], span)?;
    if n < 0 {
        return Err(ev.error(format!("cannot create list of size {n}"), span));
    }
    Ok(Value::list(
        (0..n)
            .map(|i| Value::Thunk(Thunk::apply(f.clone(), Value::Int(i), span)))
            .collect(),
    ))
}

fn concat_lists(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let lists = ev.expect_list(&a[0], span)?;
    let mut out = Vec::new();
    for l in lists.iter() {
        out.extend(ev.expect_list(l, span)?.iter().cloned());
    }
    Ok(Value::list(out))
}

/// Nix's `Value::determinePos`: where a function or set was written, else `fallback`.
fn determine_pos(v: &Value, fallback: Span) -> Span {
    match v {
        Value::Lambda(c) => c.def.span,
        Value::Attrs(a) => a.pos.unwrap_or(fallback),
        _ => fallback,
    }
}

fn concat_map(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let f = ev.expect_function(&a[0], span)?;
    let list = ev.expect_list(&a[1], span)?;
    let mut out = Vec::with_capacity(list.len());
    for x in list.iter() {
        let r = ev.call(&f, x.clone(), span)?;
        let r = if matches!(r, Value::Thunk(_)) {
            ev.force(&r)?
        } else {
            r
        };
        // Nix 2.8 points at the result, or else at the function (`determinePos`).
        let pos = determine_pos(&r, determine_pos(&f, span));
        let l = match r.into_list() {
            Ok(l) => l,
            Err(other) => ev.expect_list(&other, pos)?,
        };
        // A list made for this call (`x: [ x ]`) gives its elements up without a count
        // taken and dropped on each.
        if Shared::strong_count(&l) == 1 {
            out.extend(Shared::unwrap_or_clone(l));
        } else {
            out.extend(l.iter().cloned());
        }
    }
    Ok(Value::list(out))
}

fn foldl_strict(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let f = ev.expect_function(&a[0], span)?;
    let list = ev.expect_list(&a[2], span)?;
    let mut acc = a[1].clone();
    for x in list.iter() {
        acc = ev.call2(&f, acc, x.clone(), span)?;
    }
    ev.force(&acc)
}

fn any(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let f = ev.expect_function(&a[0], span)?;
    let list = ev.expect_list(&a[1], span)?;
    for x in list.iter() {
        let r = ev.call(&f, x.clone(), span)?;
        if ev.expect_bool(&r, span)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let f = ev.expect_function(&a[0], span)?;
    let list = ev.expect_list(&a[1], span)?;
    for x in list.iter() {
        let r = ev.call(&f, x.clone(), span)?;
        if !ev.expect_bool(&r, span)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// The comparators that are Nix's own `<`: `builtins.lessThan`, `a: b: a < b` and
/// `a: b: b < a` (the commonest in real code). Returns whether the arguments are
/// swapped, and the position `<` reports errors at.
fn plain_less_than(f: &Value, span: Span) -> Option<(bool, Span)> {
    use crate::compiler::{BinOp, Expr, Param, VarRef};
    match f {
        Value::PrimOp(op) if op.name == "lessThan" => Some((false, span)),
        Value::Lambda(c) => {
            let Param::Ident(_) = c.def.param else {
                return None;
            };
            let Expr::Lambda(inner) = &*c.def.body else {
                return None;
            };
            let Param::Ident(_) = inner.param else {
                return None;
            };
            let Expr::BinOp(BinOp::Lt, l, r, ls, _) = &*inner.body else {
                return None;
            };
            let var = |e: &Expr| match e {
                Expr::Var(VarRef::Local { depth, idx: 0 }, _) => Some(*depth),
                _ => None,
            };
            match (var(l)?, var(r)?) {
                (1, 0) => Some((false, *ls)),
                (0, 1) => Some((true, *ls)),
                _ => None,
            }
        }
        _ => None,
    }
}

fn sort(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let f = ev.expect_function(&a[0], span)?;
    let list = ev.expect_list(&a[1], span)?;
    let mut items: Vec<Value> = list.iter().map(|v| ev.force(v)).collect::<Result<_>>()?;
    match plain_less_than(&f, span) {
        // The same comparisons the call would make, without the calls.
        Some((swap, at)) => stable_sort(&mut items, &mut |x: &Value, y: &Value| {
            let (x, y) = if swap { (y, x) } else { (x, y) };
            Result::Ok(ev.compare(x, y, at)? == std::cmp::Ordering::Less)
        })?,
        None => stable_sort(&mut items, &mut |x: &Value, y: &Value| {
            let r = ev.call2(&f, x.clone(), y.clone(), span)?;
            ev.expect_bool(&r, span)
        })?,
    }
    Ok(Value::list(items))
}

fn partition(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let f = ev.expect_function(&a[0], span)?;
    let list = ev.expect_list(&a[1], span)?;
    let (mut right, mut wrong) = (Vec::new(), Vec::new());
    for x in list.iter() {
        let r = ev.call(&f, x.clone(), span)?;
        if ev.expect_bool(&r, span)? {
            right.push(x.clone());
        } else {
            wrong.push(x.clone());
        }
    }
    Ok(super::attrs_of(vec![
        ("right", Value::list(right)),
        ("wrong", Value::list(wrong)),
    ]))
}

fn group_by(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let f = ev.expect_function(&a[0], span)?;
    let list = ev.expect_list(&a[1], span)?;
    let mut groups: BTreeMap<Symbol, Vec<Value>> = BTreeMap::new();
    for x in list.iter() {
        let k = ev.call(&f, x.clone(), span)?;
        let k = ev.expect_string(&k, span)?;
        groups
            .entry(Symbol::new(k.as_str()))
            .or_default()
            .push(x.clone());
    }
    let mut b = AttrsBuilder::with_capacity(groups.len());
    for (k, v) in groups {
        b.insert(k, Value::list(v));
    }
    Ok(Value::attrs(b.build()))
}

pub static PRIMOPS: &[PrimOp] = &[
    PrimOp {
        name: "map",
        arity: 2,
        func: map,
        eager: None,
    },
    PrimOp {
        name: "filter",
        arity: 2,
        func: filter,
        eager: None,
    },
    PrimOp {
        name: "head",
        arity: 1,
        func: head,
        eager: Some(head_now),
    },
    PrimOp {
        name: "tail",
        arity: 1,
        func: tail,
        eager: None,
    },
    PrimOp {
        name: "elemAt",
        arity: 2,
        func: elem_at,
        eager: Some(elem_at_now),
    },
    PrimOp {
        name: "length",
        arity: 1,
        func: length,
        eager: Some(length_now),
    },
    PrimOp {
        name: "elem",
        arity: 2,
        func: elem,
        eager: None,
    },
    PrimOp {
        name: "genList",
        arity: 2,
        func: gen_list,
        eager: None,
    },
    PrimOp {
        name: "concatLists",
        arity: 1,
        func: concat_lists,
        eager: None,
    },
    PrimOp {
        name: "concatMap",
        arity: 2,
        func: concat_map,
        eager: None,
    },
    PrimOp {
        name: "foldl'",
        arity: 3,
        func: foldl_strict,
        eager: None,
    },
    PrimOp {
        name: "any",
        arity: 2,
        func: any,
        eager: None,
    },
    PrimOp {
        name: "all",
        arity: 2,
        func: all,
        eager: None,
    },
    PrimOp {
        name: "sort",
        arity: 2,
        func: sort,
        eager: None,
    },
    PrimOp {
        name: "partition",
        arity: 2,
        func: partition,
        eager: None,
    },
    PrimOp {
        name: "groupBy",
        arity: 2,
        func: group_by,
        eager: None,
    },
];
