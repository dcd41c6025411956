//! Control and reflection: throw/abort, tryEval, seq/deepSeq, trace, addErrorContext,
//! import/scopedImport, findFile, functionArgs, unsafeGetAttrPos, genericClosure.

use crate::compiler::Param;
use crate::error::{ErrorKind, EvalError, Result, TraceFrame};
use crate::eval::{CoerceMode, Eval};
use crate::source::{Origin, Span};
use crate::value::Shared;
use crate::value::{AttrsBuilder, Context, PrimOp, Value};
use std::cmp::Ordering;

fn message(ev: &mut Eval, v: &Value, span: Span) -> Result<String> {
    let mut ctx = Context::new();
    ev.coerce_to_string(v, span, CoerceMode::Interpolation, &mut ctx)
}

fn throw(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let msg = message(ev, &a[0], span)?;
    Err(EvalError::new(ErrorKind::Throw, msg, None))
}

fn abort(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let msg = message(ev, &a[0], span)?;
    Err(EvalError::new(
        ErrorKind::Abort,
        format!("evaluation aborted with the following error message: '{msg}'"),
        None,
    ))
}

fn try_eval(ev: &mut Eval, a: &mut [Value], _: Span) -> Result<Value> {
    match ev.force(&a[0]) {
        Ok(v) => Ok(super::attrs_of(vec![
            ("success", Value::Bool(true)),
            ("value", v),
        ])),
        Err(e) if e.is_catchable() => Ok(super::attrs_of(vec![
            ("success", Value::Bool(false)),
            ("value", Value::Bool(false)),
        ])),
        Err(e) => Err(e),
    }
}

fn seq(ev: &mut Eval, a: &mut [Value], _: Span) -> Result<Value> {
    ev.force(&a[0])?;
    ev.force(&a[1])
}

fn deep_seq(ev: &mut Eval, a: &mut [Value], _: Span) -> Result<Value> {
    ev.force_deep(&a[0])?;
    ev.force(&a[1])
}

fn trace(ev: &mut Eval, a: &mut [Value], _: Span) -> Result<Value> {
    let v = ev.force(&a[0])?;
    let text = match &v {
        Value::String(s) => s.as_str().to_string(),
        other => crate::print::print_lazy(other),
    };
    crate::log::log(&format!("trace: {text}"));
    ev.force(&a[1])
}

fn add_error_context(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    match ev.force(&a[1]) {
        Ok(v) => Ok(v),
        Err(mut e) => {
            let msg = message(ev, &a[0], span)?;
            e.trace.push(TraceFrame {
                message: msg,
                span: None,
            });
            Err(e)
        }
    }
}

fn import(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (path, _) = ev.coerce_to_path(&a[0], span)?;
    let v = ev.import_path(&path, Some(span))?;
    ev.force(&v)
}

fn scoped_import(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let scope = ev.expect_attrs(&a[0], span)?;
    let (path, _) = ev.coerce_to_path(&a[1], span)?;
    ev.scoped_import(&scope, &path, span)
}

thread_local! {
    /// Whether each search path entry consulted so far exists: looked up once per
    /// entry, as Nix resolves each entry once.
    static ENTRY_EXISTS: std::cell::RefCell<std::collections::HashMap<String, bool>> = Default::default();
}

/// Whether a search path entry's path exists (relative to the working directory);
/// warns the first time one does not.
fn search_entry_exists(path: &str) -> bool {
    if let Some(known) = ENTRY_EXISTS.with(|m| m.borrow().get(path).copied()) {
        return known;
    }
    let abs = match std::env::current_dir() {
        Ok(d) if !path.starts_with('/') => d.join(path),
        _ => std::path::PathBuf::from(path),
    };
    let exists = abs.exists();
    ENTRY_EXISTS.with(|m| m.borrow_mut().insert(path.to_string(), exists));
    if !exists {
        crate::log::log(&if crate::support::search_path::is_uri(path) {
            format!(
                "warning: Nix search path entry '{path}' is a URL; sysnix does not download search path entries, ignoring it (use a local path)"
            )
        } else {
            format!("warning: Nix search path entry '{path}' does not exist, ignoring")
        });
    }
    exists
}

/// `__findFile nixPath "name"`: what `<name>` means.
fn find_file(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let entries = ev.expect_list(&a[0], span)?;
    let name = ev.expect_string(&a[1], span)?;
    let name = name.as_str();
    for e in entries.iter() {
        let e = ev.expect_attrs(e, span)?;
        let prefix = match e.get_str("prefix").cloned() {
            Some(p) => ev.expect_string(&p, span)?.as_str().to_string(),
            None => String::new(),
        };
        let Some(path) = e.get_str("path").cloned() else {
            return Err(ev.error("attribute 'path' missing", span));
        };
        let mut ctx = Context::new();
        let path = ev.coerce_to_string(&path, span, CoerceMode::NoCopy, &mut ctx)?;
        let rest = if prefix.is_empty() {
            Some(name.to_string())
        } else if name == prefix {
            Some(String::new())
        } else {
            name.strip_prefix(&format!("{prefix}/")).map(str::to_string)
        };
        if let Some(rest) = rest {
            // An entry whose directory does not exist is skipped with a warning, once
            // per entry, as Nix does.
            if !search_entry_exists(&path) {
                continue;
            }
            let candidate = if rest.is_empty() {
                path.clone()
            } else {
                format!("{path}/{rest}")
            };
            let abs = if candidate.starts_with('/') {
                candidate
            } else {
                format!(
                    "{}/{candidate}",
                    std::env::current_dir()
                        .map(|d| d.display().to_string())
                        .unwrap_or_default()
                )
            };
            if std::path::Path::new(&abs).exists() {
                return Ok(Value::Path(Shared::new(crate::compiler::canon_path(&abs))));
            }
        }
    }
    // Built-in entries (sysnix's own lib) come last and are not listed in `nixPath`.
    for (prefix, dir) in &ev.opts.builtin_paths {
        let rest = if name == prefix {
            Some("")
        } else {
            name.strip_prefix(prefix.as_str())
                .and_then(|r| r.strip_prefix('/'))
        };
        if let Some(rest) = rest {
            let abs = if rest.is_empty() {
                dir.clone()
            } else {
                format!("{dir}/{rest}")
            };
            if std::path::Path::new(&abs).exists() {
                return Ok(Value::Path(Shared::new(crate::compiler::canon_path(&abs))));
            }
        }
    }
    Err(ev.error(
        format!(
            "file '{name}' was not found in the Nix search path (add it using $NIX_PATH or -I)"
        ),
        span,
    ))
}

fn function_args(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    match &ev.force(&a[0])? {
        Value::Lambda(c) => {
            let mut b = AttrsBuilder::default();
            if let Param::Formals { formals, spans, .. } = &c.def.param {
                for ((name, default), span) in formals.iter().zip(spans) {
                    b.insert_at(*name, Value::Bool(default.is_some()), *span);
                }
            }
            Ok(Value::attrs(b.build()))
        }
        Value::PrimOp(_) | Value::PrimOpApp(_) => Ok(super::empty_attrs()),
        _ => Err(ev.error("'functionArgs' requires a function", span)),
    }
}

pub(crate) fn unsafe_get_attr_pos(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let name = super::context::expect_string_no_ctx(ev, &a[0], span)?;
    let set = ev.expect_attrs(&a[1], span)?;
    let Some(attr) = set.get_attr(crate::symbol::Symbol::new(name.as_str())) else {
        return Ok(Value::Null);
    };
    let Some(pos) = attr.span() else {
        return Ok(Value::Null);
    };
    let f = ev.sources.file(pos.file);
    let (line, col) = f.line_col(pos.start);
    // Nix 2.8 reports the expression text itself as the "file" of a `-E` position.
    let file = match &f.origin {
        Origin::File(p) => p.display().to_string(),
        _ => f.text.to_string(),
    };
    Ok(super::attrs_of(vec![
        ("file", Value::str(file)),
        ("line", Value::Int(line as i64)),
        ("column", Value::Int(col as i64)),
    ]))
}

fn generic_closure(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let args = ev.expect_attrs(&a[0], span)?;
    let start = args.get_str("startSet").cloned().ok_or_else(|| {
        ev.error(
            "attribute 'startSet' missing for call to 'genericClosure'",
            args.pos.unwrap_or(span),
        )
    })?;
    let op = args.get_str("operator").cloned().ok_or_else(|| {
        ev.error(
            "attribute 'operator' missing for call to 'genericClosure'",
            args.pos.unwrap_or(span),
        )
    })?;
    // A FIFO work queue, as in Nix.
    let mut work: std::collections::VecDeque<Value> =
        ev.expect_list(&start, span)?.iter().cloned().collect();
    let mut seen: Vec<Value> = Vec::new();
    let mut out = Vec::new();
    let key = crate::symbol::Symbol::new("key");
    while let Some(item) = work.pop_front() {
        let set = ev.expect_attrs(&item, span)?;
        let k = set
            .get(key)
            .cloned()
            .ok_or_else(|| ev.error("attribute 'key' required", span))?;
        let k = ev.force(&k)?;
        // Binary search in the sorted list of keys seen so far; the new key is the left
        // operand of each comparison, as in Nix's `std::set::insert`.
        let (mut lo, mut hi) = (0, seen.len());
        let mut found = false;
        while lo < hi {
            let mid = (lo + hi) / 2;
            let ord = ev.compare(&k, &seen[mid], span).map_err(|mut e| {
                // Nix's CompareValues errors have no position.
                if e.message.starts_with("cannot compare") {
                    e.span = None;
                }
                e
            })?;
            match ord {
                Ordering::Greater => lo = mid + 1,
                Ordering::Less => hi = mid,
                Ordering::Equal => {
                    found = true;
                    break;
                }
            }
        }
        if found {
            continue;
        }
        seen.insert(lo, k);
        out.push(item.clone());
        let next = ev.call(&op, item, span)?;
        let next = ev.expect_list(&next, span)?;
        for n in next.iter() {
            ev.force(n)?;
            work.push_back(n.clone());
        }
    }
    Ok(Value::list(out))
}

fn get_env(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let name = super::context::expect_string_no_ctx(ev, &a[0], span)?;
    Ok(Value::str(std::env::var(name.as_str()).unwrap_or_default()))
}

pub static PRIMOPS: &[PrimOp] = &[
    PrimOp {
        name: "throw",
        arity: 1,
        func: throw,
        eager: None,
    },
    PrimOp {
        name: "abort",
        arity: 1,
        func: abort,
        eager: None,
    },
    PrimOp {
        name: "tryEval",
        arity: 1,
        func: try_eval,
        eager: None,
    },
    PrimOp {
        name: "seq",
        arity: 2,
        func: seq,
        eager: None,
    },
    PrimOp {
        name: "deepSeq",
        arity: 2,
        func: deep_seq,
        eager: None,
    },
    PrimOp {
        name: "trace",
        arity: 2,
        func: trace,
        eager: None,
    },
    PrimOp {
        name: "addErrorContext",
        arity: 2,
        func: add_error_context,
        eager: None,
    },
    PrimOp {
        name: "import",
        arity: 1,
        func: import,
        eager: None,
    },
    PrimOp {
        name: "scopedImport",
        arity: 2,
        func: scoped_import,
        eager: None,
    },
    PrimOp {
        name: "findFile",
        arity: 2,
        func: find_file,
        eager: None,
    },
    PrimOp {
        name: "functionArgs",
        arity: 1,
        func: function_args,
        eager: None,
    },
    PrimOp {
        name: "unsafeGetAttrPos",
        arity: 2,
        func: unsafe_get_attr_pos,
        eager: None,
    },
    PrimOp {
        name: "genericClosure",
        arity: 1,
        func: generic_closure,
        eager: None,
    },
    PrimOp {
        name: "getEnv",
        arity: 1,
        func: get_env,
        eager: None,
    },
];
