//! Builtins added after Nix 2.8, following current Nix: `convertHash`, `warn`,
//! `traceVerbose`, `break`.

use crate::error::Result;
use crate::eval::Eval;
use crate::source::Span;
use crate::value::{PrimOp, Value};
use sysnix_store::hash::{Hash, HashAlgo, HashFormat};

/// `convertHash { hash; hashAlgo ? <from hash>; toHashFormat; }`.
fn convert_hash(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let args = ev.expect_attrs(&a[0], span)?;
    let Some(hash) = args.get_str("hash").cloned() else {
        return Err(ev.error("attribute 'hash' missing in call to 'convertHash'", span));
    };
    let hash = ev.expect_string(&hash, span)?;
    let algo = match args.get_str("hashAlgo").cloned() {
        Some(v) => {
            let name = ev.expect_string(&v, span)?;
            match HashAlgo::from_name(name.as_str()) {
                Some(a) => Some(a),
                None => {
                    return Err(
                        ev.error(format!("unknown hash algorithm '{}'", name.as_str()), span)
                    );
                }
            }
        }
        None => None,
    };
    let Some(fmt) = args.get_str("toHashFormat").cloned() else {
        return Err(ev.error(
            "attribute 'toHashFormat' missing in call to 'convertHash'",
            span,
        ));
    };
    let fmt_name = ev.expect_string(&fmt, span)?;
    let Some(format) = HashFormat::from_name(fmt_name.as_str()) else {
        return Err(ev.error(
            format!(
                "unknown hash format '{}', expect 'base16', 'base32', 'base64', or 'sri'",
                fmt_name.as_str()
            ),
            span,
        ));
    };
    let parsed = Hash::parse(hash.as_str(), algo).map_err(|e| ev.error(e, span))?;
    Ok(Value::str(parsed.to_string(format, false)))
}

/// `warn msg v`: prints `evaluation warning: msg` and returns `v`.
fn warn(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let msg = match ev.force(&a[0])?.into_string() {
        Ok(s) => s,
        Err(other) => {
            return Err(ev.error(
                format!(
                    "expected a string but found {}: {}",
                    other.type_desc(),
                    crate::print::print_lazy(&other)
                ),
                span,
            ));
        }
    };
    crate::log::log(&format!("evaluation warning: {}", msg.as_str()));
    ev.force(&a[1])
}

/// `traceVerbose msg v`: silent unless `--trace-verbose`, which sysnix lacks.
fn trace_verbose(ev: &mut Eval, a: &mut [Value], _: Span) -> Result<Value> {
    ev.force(&a[1])
}

/// `break v`: without a debugger attached, just `v`.
fn break_(ev: &mut Eval, a: &mut [Value], _: Span) -> Result<Value> {
    ev.force(&a[0])
}

pub static PRIMOPS: &[PrimOp] = &[
    PrimOp {
        name: "convertHash",
        arity: 1,
        func: convert_hash,
        eager: None,
    },
    PrimOp {
        name: "warn",
        arity: 2,
        func: warn,
        eager: None,
    },
    PrimOp {
        name: "traceVerbose",
        arity: 2,
        func: trace_verbose,
        eager: None,
    },
    PrimOp {
        name: "break",
        arity: 1,
        func: break_,
        eager: None,
    },
];
