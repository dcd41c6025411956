//! `mkIf`, `mkMerge` and `mkOverride`: pushing properties down into option sets,
//! discharging them per option, the priority filter, and `mergeDefinitions` built on them.

use super::*;
use crate::value::Shared;

/// `pushDownProperties cfg` into `out`.
pub(super) fn push_down(
    ev: &mut Eval,
    cfg: &Value,
    span: Span,
    out: &mut Vec<Value>,
) -> Result<()> {
    let v = ev.force(cfg)?;
    match prop_of(ev, &v)? {
        Prop::Merge => {
            // concatMap pushDownProperties cfg.contents
            let contents = forced_attr(ev, &v, names(|n| n.contents), span)?;
            let list = ev.expect_list(&contents, span)?;
            for c in list.iter() {
                push_down(ev, c, span, out)?;
            }
        }
        kind @ (Prop::If | Prop::Override) => {
            // map (mapAttrs (_: v: mkIf cfg.condition v)) (pushDownProperties cfg.content),
            // the mapAttrs of each element left unevaluated, as map leaves it.
            let content = forced_attr(ev, &v, names(|n| n.content), span)?;
            let mut inner = Vec::new();
            push_down(ev, &content, span, &mut inner)?;
            let (tag, param) = if kind == Prop::If {
                ("if", lazy_attr(&v, names(|n| n.condition), span))
            } else {
                ("override", lazy_attr(&v, names(|n| n.priority), span))
            };
            let wrap = Value::PrimOpApp(Shared::new(PrimOpApp {
                op: &WRAP_ATTRS,
                args: vec![Value::str(tag), param],
            }));
            out.extend(
                inner
                    .into_iter()
                    .map(|x| Value::Thunk(Thunk::apply(wrap.clone(), x, span))),
            );
        }
        _ => out.push(v),
    }
    Ok(())
}

/// `mkIf c` / `mkOverride p` as a set: `{ _type; condition|priority; content; }`.
pub(super) fn property(tag: &str, param: &Value, content: Value) -> Value {
    let (t, p) = names(|n| (n.type_, if tag == "if" { n.condition } else { n.priority }));
    let mut b = AttrsBuilder::with_capacity(3);
    b.insert(t, Value::str(tag));
    b.insert(p, param.clone());
    b.insert(names(|n| n.content), content);
    Value::attrs(b.build())
}

/// `mapAttrs (_: v: mkIf cond v) set` (or `mkOverride prio`): the internal half of
/// `pushDownProperties`, applied lazily to each pushed-down set.
pub(super) fn wrap_attrs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let tag = match &a[0] {
        Value::String(s) if s.as_str() == "if" => "if",
        _ => "override",
    };
    let set = ev.expect_attrs(&a[2], span)?;
    Ok(map_values(&set, |attr| {
        property(tag, &a[1], attr.value.clone())
    }))
}

pub(super) fn push_down_properties(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let mut out = Vec::new();
    push_down(ev, &a[0], span, &mut out)?;
    Ok(Value::list(out))
}

/// `dischargeProperties def` into `out`.
pub(super) fn discharge(
    ev: &mut Eval,
    def: &Value,
    span: Span,
    out: &mut Vec<Value>,
) -> Result<()> {
    let v = ev.force(def)?;
    match prop_of(ev, &v)? {
        Prop::Merge => {
            let contents = forced_attr(ev, &v, names(|n| n.contents), span)?;
            let list = ev.expect_list(&contents, span)?;
            for c in list.iter() {
                discharge(ev, c, span, out)?;
            }
        }
        Prop::If => match forced_attr(ev, &v, names(|n| n.condition), span)? {
            Value::Bool(true) => {
                let content = lazy_attr(&v, names(|n| n.content), span);
                discharge(ev, &content, span, out)?;
            }
            Value::Bool(false) => {}
            _ => {
                return Err(EvalError::new(
                    ErrorKind::Throw,
                    "‘mkIf’ called with a non-Boolean condition",
                    None,
                ));
            }
        },
        _ => out.push(v),
    }
    Ok(())
}

pub(super) fn discharge_properties(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let mut out = Vec::new();
    discharge(ev, &a[0], span, &mut out)?;
    Ok(Value::list(out))
}

/// `__sysnixFinalDefs defs`: `filterOverrides' (discharged defs)` of `mergeDefinitions`,
/// where `discharged` is `concatMap (def: map (v: { inherit (def) file; value = v; })
/// (addErrorContext "while evaluating definitions from `${def.file}':"
/// (dischargeProperties def.value))) defs`. Returns `{ values; highestPrio; }`.
pub(super) fn final_defs(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (file_sym, value_sym, prio_sym, content_sym) =
        names(|n| (n.file, n.value, n.priority, n.content));
    let defs = ev.expect_list(&a[0], span)?;
    // (file, discharged value), in order; every definition is discharged before any
    // priority is looked at, as the fallback's strict concatMap does.
    let mut discharged: Vec<(Value, Value)> = Vec::with_capacity(defs.len());
    let mut values = Vec::new();
    for def in defs.iter() {
        let d = ev.force(def)?;
        let value = lazy_attr(&d, value_sym, span);
        values.clear();
        if let Err(mut e) = discharge(ev, &value, span, &mut values) {
            let file = lazy_attr(&d, file_sym, span);
            let mut ctx = crate::value::Context::new();
            let file = ev.coerce_to_string(
                &file,
                span,
                crate::eval::CoerceMode::Interpolation,
                &mut ctx,
            )?;
            e.trace.push(crate::error::TraceFrame {
                message: format!("while evaluating definitions from `{file}':"),
                span: None,
            });
            return Err(e);
        }
        let file = lazy_attr(&d, file_sym, span);
        discharged.extend(values.drain(..).map(|v| (file.clone(), v)));
    }
    // prioOf: an override's priority, else defaultOverridePriority (100).
    let mut prios = Vec::with_capacity(discharged.len());
    let mut highest = Value::Int(9999);
    for (_, v) in &discharged {
        let p = if prop_of(ev, v)? == Prop::Override {
            forced_attr(ev, v, prio_sym, span)?
        } else {
            Value::Int(100)
        };
        // lib.min best p = if best < p then best else p
        if ev.compare(&highest, &p, span)? != std::cmp::Ordering::Less {
            highest = p.clone();
        }
        prios.push(p);
    }
    let mut kept = Vec::new();
    for ((file, v), p) in discharged.into_iter().zip(prios) {
        if ev.values_equal(&p, &highest, span)? {
            if prop_of(ev, &v)? == Prop::Override {
                kept.push(file_value(file, lazy_attr(&v, content_sym, span)));
            } else {
                kept.push(file_value(file, v));
            }
        }
    }
    let (values_sym, hp_sym) = names(|n| (n.values, n.highest_prio));
    let mut b = AttrsBuilder::with_capacity(2);
    b.insert(hp_sym, highest);
    b.insert(values_sym, Value::list(kept));
    Ok(Value::attrs(b.build()))
}

/// `(fallback loc type defs).${name}`, forced: the Nix `mergeDefinitions`, for what the
/// native one hands over (ordered definitions, and the errors).
pub(super) fn delegate(ev: &mut Eval, a: &[Value], name: Symbol, span: Span) -> Result<Value> {
    let r = ev.call_many(
        a[0].clone(),
        &[a[1].clone(), a[2].clone(), a[3].clone()],
        span,
    )?;
    forced_attr(ev, &r, name, span)
}

/// `__sysnixMergeDefinitions fallback loc type defs`: `mergeDefinitions` of
/// `lib/modules.nix` (`fallback` is its Nix version): `{ defsFinal', defsFinal,
/// mergedValue, isDefined, optionalValue }`, each computed when used. Definitions with an
/// order (mkBefore, mkAfter) and every error are handed to the fallback.
pub(super) fn merge_definitions(_ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let defs_final_ = apply_op(
        &DEFS_FINAL,
        [a[0].clone(), a[1].clone(), a[2].clone(), a[3].clone()],
        span,
    );
    let defs_final = select_thunk(defs_final_.clone(), n.values, span);
    let is_defined = apply_op(&IS_NONEMPTY, [defs_final.clone()], span);
    let merged = apply_op(
        &MERGED_VALUE,
        [
            a[0].clone(),
            a[1].clone(),
            a[2].clone(),
            a[3].clone(),
            defs_final.clone(),
        ],
        span,
    );
    let optional = apply_op(&OPTIONAL_VALUE, [is_defined.clone(), merged.clone()], span);
    let mut b = AttrsBuilder::with_capacity(5);
    b.insert(n.defs_final_, defs_final_);
    b.insert(n.defs_final, defs_final);
    b.insert(n.merged_value, merged);
    b.insert(n.is_defined, is_defined);
    b.insert(n.optional_value, optional);
    Ok(Value::attrs(b.build()))
}

/// `defsFinal'` of [`merge_definitions`]: arguments fallback, loc, type, defs.
pub(super) fn defs_final(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (values_sym, value_sym, df_sym) = names(|n| (n.values, n.value, n.defs_final_));
    let r = final_defs(ev, &mut [a[3].clone()], span)?;
    // `any (def: (def.value._type or "") == "order") values`: sorting is the fallback's.
    let values = forced_attr(ev, &r, values_sym, span)?;
    for def in ev.expect_list(&values, span)?.iter() {
        let d = ev.force(def)?;
        let v = forced_attr(ev, &d, value_sym, span)?;
        if prop_of(ev, &v)? == Prop::Order {
            return delegate(ev, a, df_sym, span);
        }
    }
    Ok(r)
}

/// `defsFinal != [ ]`.
pub(super) fn is_nonempty(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    Ok(Value::Bool(!ev.expect_list(&a[0], span)?.is_empty()))
}

/// `mergedValue` of [`merge_definitions`]: arguments fallback, loc, type, defs, defsFinal.
/// `type.merge loc defsFinal` when every definition passes `type.check`; otherwise the
/// fallback's error ("is not of type", "accessed but has no value defined").
pub(super) fn merged_value(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let n = NAMES.with(|n| *n);
    let defs = ev.expect_list(&a[4], span)?;
    if defs.is_empty() {
        return delegate(ev, a, n.merged_value, span);
    }
    // all (def: type.check def.value) defsFinal
    let ty = ev.force(&a[2])?;
    for def in defs.iter() {
        let check = forced_attr(ev, &ty, n.check, span)?;
        let d = ev.force(def)?;
        let v = lazy_attr(&d, n.value, span);
        let ok = ev.call_many(check, &[v], span)?;
        match ok {
            Value::Bool(true) => {}
            Value::Bool(false) => return delegate(ev, a, n.merged_value, span),
            other => {
                return Err(ev.error(
                    format!(
                        "value is {} while a Boolean was expected",
                        other.type_desc()
                    ),
                    span,
                ));
            }
        }
    }
    let merge = forced_attr(ev, &ty, n.merge, span)?;
    ev.call_many(merge, &[a[1].clone(), a[4].clone()], span)
}

/// `optionalValue`: `if isDefined then { value = mergedValue; } else { }`.
pub(super) fn optional_value(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let defined = ev.force(&a[0])?;
    let defined = ev.expect_bool(&defined, span)?;
    let mut b = AttrsBuilder::with_capacity(1);
    if defined {
        b.insert(names(|n| n.value), a[1].clone());
    }
    Ok(Value::attrs(b.build()))
}

pub(super) static DEFS_FINAL: PrimOp = PrimOp {
    name: "__sysnixDefsFinal",
    arity: 4,
    func: defs_final,
    eager: None,
};

pub(super) static IS_NONEMPTY: PrimOp = PrimOp {
    name: "__sysnixIsNonEmpty",
    arity: 1,
    func: is_nonempty,
    eager: None,
};

pub(super) static MERGED_VALUE: PrimOp = PrimOp {
    name: "__sysnixMergedValue",
    arity: 5,
    func: merged_value,
    eager: None,
};

pub(super) static OPTIONAL_VALUE: PrimOp = PrimOp {
    name: "__sysnixOptionalValue",
    arity: 2,
    func: optional_value,
    eager: None,
};

pub(super) static WRAP_ATTRS: PrimOp = PrimOp {
    name: "__sysnixWrapAttrs",
    arity: 3,
    func: wrap_attrs,
    eager: None,
};
