//! String context: getContext, hasContext, appendContext, unsafeDiscardStringContext,
//! unsafeDiscardOutputDependency.

use crate::error::Result;
use crate::eval::Eval;
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::{AttrsBuilder, Context, ContextElem, NixString, PrimOp, Value};
use std::collections::BTreeMap;

/// Nix's `forceStringNoCtx`: a string that must not carry context.
pub fn expect_string_no_ctx(ev: &mut Eval, v: &Value, span: Span) -> Result<NixString> {
    let s = ev.expect_string(v, span)?;
    if let Some(first) = s.context().and_then(|c| {
        c.iter()
            .filter(|e| e.is_store_ref())
            .map(ContextElem::encode)
            .min()
    }) {
        return Err(ev.error(
            format!(
                "the string '{}' is not allowed to refer to a store path (such as '{first}')",
                s.as_str()
            ),
            span,
        ));
    }
    Ok(s)
}

fn has_context(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    Ok(Value::Bool(ev.expect_string(&a[0], span)?.has_context()))
}

/// The argument coerced as `"${x}"` would be (sets with `__toString` or `outPath`,
/// paths), with its context.
fn coerced(ev: &mut Eval, v: &Value, span: Span) -> Result<(String, Context)> {
    let mut ctx = Context::new();
    let s = ev.coerce_to_string(v, span, crate::eval::CoerceMode::Interpolation, &mut ctx)?;
    Ok((s, ctx))
}

fn discard(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    Ok(Value::str(coerced(ev, &a[0], span)?.0))
}

fn discard_output_dependency(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (s, ctx) = coerced(ev, &a[0], span)?;
    let ctx: Context = ctx
        .into_iter()
        .map(|e| match e {
            ContextElem::DrvDeep(p) => ContextElem::Opaque(p),
            other => other,
        })
        .collect();
    Ok(Value::String(NixString::with_context(s, ctx)))
}

#[derive(Default)]
struct Info {
    path: bool,
    all_outputs: bool,
    outputs: Vec<String>,
}

fn get_context(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let s = ev.expect_string(&a[0], span)?;
    let mut by_path: BTreeMap<String, Info> = BTreeMap::new();
    for e in s.context().into_iter().flatten() {
        match e {
            ContextElem::Opaque(p) => by_path.entry(p.clone()).or_default().path = true,
            ContextElem::DrvDeep(p) => by_path.entry(p.clone()).or_default().all_outputs = true,
            ContextElem::Built { drv, output } => by_path
                .entry(drv.clone())
                .or_default()
                .outputs
                .push(output.clone()),
            ContextElem::Secret(_) => {}
        }
    }
    let mut b = AttrsBuilder::with_capacity(by_path.len());
    for (path, info) in by_path {
        let mut inner = AttrsBuilder::default();
        if info.path {
            inner.insert_str("path", Value::Bool(true));
        }
        if info.all_outputs {
            inner.insert_str("allOutputs", Value::Bool(true));
        }
        if !info.outputs.is_empty() {
            let mut outs = info.outputs;
            outs.sort();
            inner.insert_str(
                "outputs",
                Value::list(outs.into_iter().map(Value::str).collect()),
            );
        }
        b.insert(Symbol::new(&path), Value::attrs(inner.build()));
    }
    Ok(Value::attrs(b.build()))
}

fn append_context(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let s = ev.expect_string(&a[0], span)?;
    let extra = ev.expect_attrs(&a[1], span)?;
    let mut ctx = s.context().cloned().unwrap_or_default();
    let store = sysnix_store::path::StoreDir::new(ev.opts.store_dir.clone());
    for attr in extra.iter() {
        let path = attr.name.as_str().to_string();
        if !store.is_in_store(&path) {
            return Err(ev.error(
                format!("Context key '\"{path}\"' is not a store path"),
                attr.span().unwrap_or(span),
            ));
        }
        let info = ev.expect_attrs(&attr.value, span)?;
        if let Some(p) = info.get_str("path").cloned()
            && ev.expect_bool(&p, span)?
        {
            ctx.insert(ContextElem::Opaque(path.clone()));
        }
        if let Some(all) = info.get_str("allOutputs").cloned()
            && ev.expect_bool(&all, span)?
        {
            if !path.ends_with(".drv") {
                return Err(ev.error(format!("tried to add all-outputs context of {path}, which is not a derivation, to a string"), span));
            }
            ctx.insert(ContextElem::DrvDeep(path.clone()));
        }
        if let Some(outs) = info.get_str("outputs").cloned() {
            let outs = ev.expect_list(&outs, span)?;
            if !outs.is_empty() && !path.ends_with(".drv") {
                return Err(ev.error(format!("tried to add derivation output context of {path}, which is not a derivation, to a string"), span));
            }
            for o in outs.iter() {
                let o = ev.expect_string(o, span)?;
                ctx.insert(ContextElem::Built {
                    drv: path.clone(),
                    output: o.as_str().to_string(),
                });
            }
        }
    }
    Ok(Value::String(NixString::with_context(
        s.as_str().to_string(),
        ctx,
    )))
}

pub static PRIMOPS: &[PrimOp] = &[
    PrimOp {
        name: "hasContext",
        arity: 1,
        func: has_context,
        eager: None,
    },
    PrimOp {
        name: "getContext",
        arity: 1,
        func: get_context,
        eager: None,
    },
    PrimOp {
        name: "appendContext",
        arity: 2,
        func: append_context,
        eager: None,
    },
    PrimOp {
        name: "unsafeDiscardStringContext",
        arity: 1,
        func: discard,
        eager: None,
    },
    PrimOp {
        name: "unsafeDiscardOutputDependency",
        arity: 1,
        func: discard_output_dependency,
        eager: None,
    },
];
