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
drvAttrs @ { outputs ? [ "out" ], ... }:
let
  strict = derivationStrict drvAttrs;
  perOutput = name: {
    inherit name;
    value = common // {
      outPath = builtins.getAttr name strict;
      drvPath = strict.drvPath;
      type = "derivation";
      outputName = name;
    };
  };
  outputList = map perOutput outputs;
  common = drvAttrs // builtins.listToAttrs outputList // {
    all = map (o: o.value) outputList;
    inherit drvAttrs;
  };
in (builtins.head outputList).value
"#;

fn derivation_strict(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let attrs = ev.expect_attrs(&a[0], span)?;
    let Some(name) = attrs.get(ev.syms.name).cloned() else {
        return Err(ev.error(
            "attribute 'name' missing for call to 'derivationStrict'",
            span,
        ));
    };
    let name = ev.expect_string(&name, span)?.as_str().to_string();
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
    let mut json = serde_json::Map::new();
    for attr in attrs.iter() {
        let key = attr.name.as_str();
        if key == "__ignoreNulls" {
            continue;
        }
        let v = ev.force(&attr.value)?;
        if ignore_nulls && matches!(v, Value::Null) {
            continue;
        }
        let aspan = attr.span.unwrap_or(span);
        if key == "__contentAddressed" || key == "__impure" {
            return Err(ev.error(
                format!("'{key}' derivations are not supported by sysnix"),
                aspan,
            ));
        }
        if key == "args" {
            for x in ev.expect_list(&v, aspan)?.iter() {
                input
                    .args
                    .push(ev.coerce_to_string(x, aspan, CoerceMode::ToString, &mut ctx)?);
            }
            continue;
        }
        let s = if structured && key != "__structuredAttrs" {
            let text = super::json::to_json(ev, &v, aspan)?;
            let parsed: serde_json::Value =
                serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
            json.insert(key.to_string(), parsed);
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
            let s = ev.coerce_to_string(&v, aspan, CoerceMode::ToString, &mut ctx)?;
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
        input
            .env
            .insert("__json".into(), serde_json::Value::Object(json).to_string());
    }
    if input.builder.is_empty() && !attrs.get_str("builder").is_some() {
        return Err(ev.error("required attribute 'builder' missing", span));
    }
    if input.system.is_empty() && !attrs.get_str("system").is_some() {
        return Err(ev.error("required attribute 'system' missing", span));
    }
    if let Some(h) = hash {
        let algo = match hash_algo.as_deref() {
            None | Some("") => None,
            Some(n) => match HashAlgo::from_name(n) {
                Some(a) => Some(a),
                None => return Err(ev.error(format!("unknown hash algorithm '{n}'"), span)),
            },
        };
        let parsed = Hash::parse_allow_empty(&h, algo).map_err(|e| ev.error(e, span))?;
        input.fixed_output = Some((parsed, hash_mode));
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
            ContextElem::DrvDeep(drv) => {
                for p in ev.builtin_state.drvs.closure(&drv) {
                    if p.ends_with(".drv") {
                        if let Some(d) = ev.builtin_state.drvs.get(&p) {
                            let outs: BTreeSet<String> = d.outputs.keys().cloned().collect();
                            input.input_drvs.insert(p.clone(), outs);
                        }
                    }
                    input.input_srcs.insert(p);
                }
            }
        }
    }
    let (drv_path, outputs) = ev
        .builtin_state
        .drvs
        .add(&store, input)
        .map_err(|e| ev.error(e, span))?;
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
}];
