//! `derivationStrict` (the primitive) and `derivation` (its Nix-level wrapper): compute a
//! derivation's `.drv` and output paths exactly as Nix does. Nothing is written to disk.

use crate::error::Result;
use crate::eval::{CoerceMode, Eval};
use crate::source::Span;
use crate::value::{AttrsBuilder, Context, ContextElem, NixString, PrimOp, Value};
use std::collections::{BTreeMap, BTreeSet};
use sysnix_store::derivation::DrvInput;
use sysnix_store::hash::{Hash, HashAlgo};
use sysnix_store::path::{FileIngestion, StoreDir};

/// The `derivation` function, written in Nix over `derivationStrict`: one attribute set per
/// output, each with `outPath`, `drvPath`, `outputName`, `type`, and all of them in `all`.
pub const DERIVATION_NIX: &str = r#"
/* This is the implementation of the ‘derivation’ builtin function.
   It's actually a wrapper around the ‘derivationStrict’ primop. */

drvAttrs @ { outputs ? [ "out" ], ... }:

let

  strict = derivationStrict drvAttrs;

  commonAttrs = drvAttrs // (builtins.listToAttrs outputsList) //
    { all = map (x: x.value) outputsList;
      inherit drvAttrs;
    };

  outputToAttrListElement = outputName:
    { name = outputName;
      value = commonAttrs // {
        outPath = builtins.getAttr outputName strict;
        drvPath = strict.drvPath;
        type = "derivation";
        inherit outputName;
      };
    };

  outputsList = map outputToAttrListElement outputs;

in (builtins.head outputsList).value
"#;

/// The error for a derivation one of whose attributes carries the secret `what`: finds
/// the attribute (coercing each again, which only this error path pays for).
fn secret_leak(
    ev: &mut Eval,
    attrs: &crate::value::Attrs,
    name: &str,
    what: &str,
    structured: bool,
    span: Span,
) -> Box<crate::error::EvalError> {
    for attr in attrs.iter() {
        let Ok(v) = ev.force(&attr.value) else {
            continue;
        };
        let mut ctx = Context::new();
        let found = if structured {
            super::json::to_json_ctx(ev, &v, span, &mut ctx).is_ok()
        } else {
            let items: Vec<Value> = match &v {
                Value::List(l) => l.iter().cloned().collect(),
                other => vec![other.clone()],
            };
            items.iter().all(|x| {
                ev.coerce_to_string(x, span, CoerceMode::DerivationAttr, &mut ctx)
                    .is_ok()
            })
        };
        if found && crate::value::secret_in(&ctx) == Some(what) {
            let into = format!("attribute '{}' of derivation '{name}'", attr.name.as_str());
            return super::secrets::leak_error(ev, what, &into, attr.span().unwrap_or(span));
        }
    }
    super::secrets::leak_error(ev, what, &format!("derivation '{name}'"), span)
}

fn derivation_strict(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let attrs = ev.expect_attrs(&a[0], span)?;
    let Some(name_attr) = attrs.get_attr(ev.syms.name).cloned() else {
        return Err(ev.error(
            "attribute 'name' missing for call to 'derivationStrict'",
            attrs.pos.unwrap_or(span),
        ));
    };
    // Nix 2.8 reports most derivation errors at the `name` attribute.
    let pos_name = name_attr.span().unwrap_or(span);
    let name = super::context::expect_string_no_ctx(ev, &name_attr.value, pos_name)?
        .as_str()
        .to_string();
    let ignore_nulls = match attrs.get_str("__ignoreNulls").cloned() {
        Some(v) => ev.expect_bool(&v, span)?,
        None => false,
    };
    let structured = match attrs.get_str("__structuredAttrs").cloned() {
        Some(v) => ev.expect_bool(&v, span)?,
        None => false,
    };
    let mut ctx = Context::new();
    let mut input = DrvInput {
        name: name.clone(),
        system: String::new(),
        builder: String::new(),
        args: Vec::new(),
        env: BTreeMap::new(),
        outputs: vec!["out".to_string()],
        fixed_output: None,
        input_drvs: BTreeMap::new(),
        input_srcs: BTreeSet::new(),
    };
    let (mut hash, mut hash_algo, mut hash_mode) =
        (None::<String>, None::<String>, FileIngestion::Flat);
    let mut json: Vec<(String, String)> = Vec::new();
    for attr in attrs.iter() {
        let key = attr.name.as_str();
        if key == "__ignoreNulls" || (structured && key == "__structuredAttrs") {
            continue;
        }
        let v = ev.force(&attr.value)?;
        if ignore_nulls && matches!(v, Value::Null) {
            continue;
        }
        let aspan = attr.span().unwrap_or(span);
        if key == "__contentAddressed" || key == "__impure" {
            return Err(ev.error(
                format!("'{key}' derivations are not supported by sysnix"),
                aspan,
            ));
        }
        if key == "args" {
            for x in ev.expect_list(&v, aspan)?.iter() {
                input.args.push(ev.coerce_to_string(
                    x,
                    aspan,
                    CoerceMode::DerivationAttr,
                    &mut ctx,
                )?);
            }
            continue;
        }
        let s = if structured {
            let text = super::json::to_json_ctx(ev, &v, aspan, &mut ctx)?;
            json.push((key.to_string(), text));
            if !matches!(
                key,
                "builder"
                    | "system"
                    | "outputHash"
                    | "outputHashAlgo"
                    | "outputHashMode"
                    | "outputs"
            ) {
                continue;
            }
            match &v {
                Value::List(l) => {
                    let mut parts = Vec::new();
                    for x in l.iter() {
                        parts.push(ev.coerce_to_string(
                            x,
                            aspan,
                            CoerceMode::ToString,
                            &mut ctx,
                        )?);
                    }
                    parts.join(" ")
                }
                _ => ev.coerce_to_string(&v, aspan, CoerceMode::ToString, &mut ctx)?,
            }
        } else {
            let s = ev.coerce_to_string(&v, aspan, CoerceMode::DerivationAttr, &mut ctx)?;
            input.env.insert(key.to_string(), s.clone());
            s
        };
        match key {
            "builder" => input.builder = s,
            "system" => input.system = s,
            "outputHash" => hash = Some(s),
            "outputHashAlgo" => hash_algo = Some(s),
            "outputHashMode" => {
                hash_mode = match s.as_str() {
                    "recursive" => FileIngestion::Recursive,
                    "flat" => FileIngestion::Flat,
                    other => {
                        return Err(ev.error(
                            format!("invalid value '{other}' for 'outputHashMode' attribute"),
                            aspan,
                        ));
                    }
                }
            }
            "outputs" => input.outputs = s.split_whitespace().map(str::to_string).collect(),
            _ => {}
        }
    }
    if structured {
        let mut text = String::from("{");
        for (i, (k, v)) in json.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            crate::support::strings::json_escape_into(&mut text, k);
            text.push(':');
            text.push_str(v);
        }
        text.push('}');
        input.env.insert("__json".into(), text);
    }
    if input.builder.is_empty() && attrs.get_str("builder").is_none() {
        return Err(ev.error("required attribute 'builder' missing", pos_name));
    }
    if input.system.is_empty() && attrs.get_str("system").is_none() {
        return Err(ev.error("required attribute 'system' missing", pos_name));
    }
    if let Some(h) = hash {
        let algo = match hash_algo.as_deref() {
            None | Some("") => None,
            Some(n) => match HashAlgo::from_name(n) {
                Some(a) => Some(a),
                None => {
                    return Err(crate::error::EvalError::new(
                        crate::error::ErrorKind::Eval,
                        format!("unknown hash algorithm '{n}'"),
                        None,
                    ));
                }
            },
        };
        let parsed = Hash::parse_allow_empty(&h, algo).map_err(|e| ev.error(e, span))?;
        input.fixed_output = Some((parsed, hash_mode));
    }
    if let Some(what) = crate::value::secret_in(&ctx) {
        let what = what.to_string();
        return Err(secret_leak(ev, &attrs, &name, &what, structured, span));
    }
    let store = StoreDir::new(ev.opts.store_dir.clone());
    for c in ctx {
        match c {
            ContextElem::Opaque(p) => {
                input.input_srcs.insert(p);
            }
            ContextElem::Built { drv, output } => {
                input.input_drvs.entry(drv).or_default().insert(output);
            }
            ContextElem::Secret(_) => unreachable!("refused above"),
            ContextElem::DrvDeep(drv) => {
                for p in ev.builtin_state.drvs.closure(&drv) {
                    if p.ends_with(".drv")
                        && let Some(d) = ev.builtin_state.drvs.get(&p)
                    {
                        let outs: BTreeSet<String> = d.outputs.keys().cloned().collect();
                        input.input_drvs.insert(p.clone(), outs);
                    }
                    input.input_srcs.insert(p);
                }
            }
        }
    }
    let (drv_path, outputs) = ev.builtin_state.drvs.add(&store, input).map_err(|e| {
        if e.starts_with("store path") {
            crate::error::EvalError::new(crate::error::ErrorKind::Eval, e, None)
        } else {
            ev.error(e, pos_name)
        }
    })?;
    let mut b = AttrsBuilder::with_capacity(outputs.len() + 1);
    let mut drv_ctx = Context::new();
    drv_ctx.insert(ContextElem::DrvDeep(drv_path.clone()));
    b.insert_str(
        "drvPath",
        Value::String(NixString::with_context(drv_path.clone(), drv_ctx)),
    );
    for (out, path) in outputs {
        let mut c = Context::new();
        c.insert(ContextElem::Built {
            drv: drv_path.clone(),
            output: out.clone(),
        });
        b.insert_str(&out, Value::String(NixString::with_context(path, c)));
    }
    Ok(Value::attrs(b.build()))
}

pub static PRIMOPS: &[PrimOp] = &[PrimOp {
    name: "derivationStrict",
    arity: 1,
    func: derivation_strict,
    eager: None,
}];
