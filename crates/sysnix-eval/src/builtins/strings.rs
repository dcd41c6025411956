//! The string family: substring, replaceStrings, concatStringsSep, toString, match, split,
//! versions, baseNameOf/dirOf, hashString. Strings keep their context through all of them.

use crate::error::Result;
use crate::eval::{CoerceMode, Eval};
use crate::source::Span;
use crate::support::regex::{compile_ere, regex_match_map, regex_split_map};
use crate::support::versions;
use crate::value::Shared;
use crate::value::{Context, NixString, PrimOp, Value};
use std::rc::Rc;

fn ctx_of(s: &NixString) -> Context {
    s.context().cloned().unwrap_or_default()
}

fn string_length(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let s = ev.coerce_shared(&a[0], span, CoerceMode::Interpolation)?;
    Ok(Value::Int(s.as_str().len() as i64))
}

/// The length of a string (not of a value coerced to one).
fn string_length_now(a: &[&Value]) -> Option<Value> {
    match &a[0] {
        Value::String(s) => Some(Value::Int(s.as_str().len() as i64)),
        _ => None,
    }
}

fn substring(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let start = ev.expect_int(&a[0], span)?;
    let len = ev.expect_int(&a[1], span)?;
    let s = ev.coerce_shared(&a[2], span, CoerceMode::Interpolation)?;
    if start < 0 {
        return Err(ev.error("negative start position in 'substring'", span));
    }
    let len = if len < 0 { usize::MAX } else { len as usize };
    // Nix slices bytes; a cut through a UTF-8 sequence leaves bytes that sysnix's strings
    // cannot hold, so they become U+FFFD (what Nix's output shows once decoded).
    let bytes = s.as_str().as_bytes();
    let b = (start as usize).min(bytes.len());
    let e = b.saturating_add(len).min(bytes.len());
    if b == 0 && e == bytes.len() {
        // The whole string: shared, not copied.
        return Ok(Value::String(s));
    }
    let text = String::from_utf8_lossy(&bytes[b..e]);
    Ok(Value::String(NixString::piece(text, s.context())))
}

pub(crate) fn to_string(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    // A string is returned as it is (shared), an integer written straight into its own.
    Ok(Value::String(ev.coerce_shared(
        &a[0],
        span,
        CoerceMode::ToString,
    )?))
}

fn concat_strings_sep(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let sep = ev.expect_string(&a[0], span)?;
    let list = ev.expect_list(&a[1], span)?;
    let mut ctx = ctx_of(&sep);
    let mut out = String::new();
    for (i, x) in list.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        ev.coerce_append(x, span, CoerceMode::Interpolation, &mut ctx, &mut out)?;
    }
    Ok(Value::String(NixString::with_context(out, ctx)))
}

fn replace_strings(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let from = ev.expect_list(&a[0], span)?;
    let to = ev.expect_list(&a[1], span)?;
    if from.len() != to.len() {
        return Err(ev.error(
            "'from' and 'to' arguments to 'replaceStrings' have different lengths",
            span,
        ));
    }
    let s = ev.expect_string(&a[2], span)?;
    let mut ctx = ctx_of(&s);
    let mut froms = Vec::with_capacity(from.len());
    for f in from.iter() {
        froms.push(ev.expect_string(f, span)?);
    }
    // Replacement strings are forced only when used, as in Nix.
    let mut tos: Vec<Option<NixString>> = vec![None; to.len()];
    let input = s.as_str();
    let mut out = String::with_capacity(input.len());
    let mut pos = 0;
    while pos <= input.len() {
        let mut matched = false;
        for (i, f) in froms.iter().enumerate() {
            if input[pos..].starts_with(f.as_str()) {
                if tos[i].is_none() {
                    tos[i] = Some(ev.expect_string(&to[i], span)?);
                }
                let t = tos[i].as_ref().expect("just set");
                if let Some(c) = t.context() {
                    ctx.extend(c.iter().cloned());
                }
                out.push_str(t.as_str());
                if f.as_str().is_empty() {
                    if let Some(ch) = input[pos..].chars().next() {
                        out.push(ch);
                        pos += ch.len_utf8();
                    } else {
                        pos += 1;
                    }
                } else {
                    pos += f.as_str().len();
                }
                matched = true;
                break;
            }
        }
        if !matched {
            match input[pos..].chars().next() {
                Some(ch) => {
                    out.push(ch);
                    pos += ch.len_utf8();
                }
                None => break,
            }
        }
    }
    Ok(Value::String(NixString::with_context(out, ctx)))
}

fn base_name_of(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let mut ctx = Context::new();
    let s = ev.coerce_to_string(&a[0], span, CoerceMode::NoCopy, &mut ctx)?;
    let trimmed = s.strip_suffix('/').unwrap_or(&s);
    let base = trimmed.rsplit('/').next().unwrap_or(trimmed);
    Ok(Value::String(NixString::with_context(
        base.to_string(),
        ctx,
    )))
}

fn dir_of(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let v = ev.force(&a[0])?;
    let mut ctx = Context::new();
    let s = ev.coerce_to_string(&v, span, CoerceMode::NoCopy, &mut ctx)?;
    let dir = match s.rfind('/') {
        None => ".".to_string(),
        Some(0) => "/".to_string(),
        Some(i) => s[..i].to_string(),
    };
    if let Value::Path(_) = v {
        return Ok(Value::Path(Shared::new(dir)));
    }
    Ok(Value::String(NixString::with_context(dir, ctx)))
}

fn regex(ev: &mut Eval, pattern: &str, span: Span) -> Result<Rc<crate::support::regex::Regex>> {
    if let Some(r) = ev.builtin_state.regexes.get(pattern) {
        return Ok(r.clone());
    }
    match compile_ere(pattern) {
        Ok(r) => {
            let r = Rc::new(r);
            ev.builtin_state
                .regexes
                .insert(pattern.to_string(), r.clone());
            Ok(r)
        }
        Err(msg) => Err(ev.error(msg, span)),
    }
}

fn groups_value(groups: Vec<Option<Value>>) -> Value {
    Value::list(
        groups
            .into_iter()
            .map(|g| g.unwrap_or(Value::Null))
            .collect(),
    )
}

fn match_(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let re = super::context::expect_string_no_ctx(ev, &a[0], span)?;
    let s = ev.expect_string(&a[1], span)?;
    let re = regex(ev, re.as_str(), span)?;
    Ok(match regex_match_map(&re, s.as_str(), Value::str) {
        Some(groups) => groups_value(groups),
        None => Value::Null,
    })
}

fn split(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let re = super::context::expect_string_no_ctx(ev, &a[0], span)?;
    let s = ev.expect_string(&a[1], span)?;
    let re = regex(ev, re.as_str(), span)?;
    let parts = regex_split_map(&re, s.as_str(), Value::str, |t| t, groups_value);
    Ok(Value::list(parts))
}

fn split_version(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let s = ev.expect_string(&a[0], span)?;
    Ok(Value::list(
        versions::split_version(s.as_str())
            .into_iter()
            .map(Value::str)
            .collect(),
    ))
}

fn compare_versions(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let x = ev.expect_string(&a[0], span)?;
    let y = ev.expect_string(&a[1], span)?;
    Ok(Value::Int(
        match versions::compare_versions(x.as_str(), y.as_str()) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        },
    ))
}

fn parse_drv_name(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    // A string without store references, as Nix's forceStringNoCtx: no coercion.
    let s = super::context::expect_string_no_ctx(ev, &a[0], span)?;
    let (name, version) = versions::parse_drv_name(s.as_str());
    Ok(super::attrs_of(vec![
        ("name", Value::str(name)),
        ("version", Value::str(version)),
    ]))
}

fn hash_string(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    use sysnix_store::hash::{Hash, HashAlgo, HashFormat};
    let algo = super::context::expect_string_no_ctx(ev, &a[0], span)?;
    let Some(algo) = HashAlgo::from_name(algo.as_str()) else {
        return Err(crate::error::EvalError::new(
            crate::error::ErrorKind::Eval,
            format!("unknown hash algorithm '{}'", algo.as_str()),
            None,
        ));
    };
    let s = ev.expect_string(&a[1], span)?;
    let h = Hash {
        algo,
        bytes: algo.digest(s.as_str().as_bytes()),
    };
    Ok(Value::str(h.to_string(HashFormat::Base16, false)))
}

fn to_path(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (p, ctx) = ev.coerce_to_path(&a[0], span)?;
    Ok(Value::String(NixString::with_context(
        crate::compiler::canon_path(&p),
        ctx,
    )))
}

pub static PRIMOPS: &[PrimOp] = &[
    PrimOp {
        name: "stringLength",
        arity: 1,
        func: string_length,
        eager: Some(string_length_now),
    },
    PrimOp {
        name: "substring",
        arity: 3,
        func: substring,
        eager: None,
    },
    PrimOp {
        name: "toString",
        arity: 1,
        func: to_string,
        eager: None,
    },
    PrimOp {
        name: "concatStringsSep",
        arity: 2,
        func: concat_strings_sep,
        eager: None,
    },
    PrimOp {
        name: "replaceStrings",
        arity: 3,
        func: replace_strings,
        eager: None,
    },
    PrimOp {
        name: "baseNameOf",
        arity: 1,
        func: base_name_of,
        eager: None,
    },
    PrimOp {
        name: "dirOf",
        arity: 1,
        func: dir_of,
        eager: None,
    },
    PrimOp {
        name: "match",
        arity: 2,
        func: match_,
        eager: None,
    },
    PrimOp {
        name: "split",
        arity: 2,
        func: split,
        eager: None,
    },
    PrimOp {
        name: "splitVersion",
        arity: 1,
        func: split_version,
        eager: None,
    },
    PrimOp {
        name: "compareVersions",
        arity: 2,
        func: compare_versions,
        eager: None,
    },
    PrimOp {
        name: "parseDrvName",
        arity: 1,
        func: parse_drv_name,
        eager: None,
    },
    PrimOp {
        name: "hashString",
        arity: 2,
        func: hash_string,
        eager: None,
    },
    PrimOp {
        name: "toPath",
        arity: 1,
        func: to_path,
        eager: None,
    },
];
