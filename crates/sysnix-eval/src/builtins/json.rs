//! JSON: `toJSON` (also `--json` output) and `fromJSON`.

use crate::error::Result;
use crate::eval::{CoerceMode, Eval};
use crate::source::Span;
use crate::support::data::Data;
use crate::support::float::format_float_json;
use crate::support::strings::json_escape_into;
use crate::symbol::Symbol;
use crate::value::{AttrsBuilder, Context, NixString, PrimOp, Value};

/// Renders a value as JSON, as Nix's `toJSON` does (collecting string context).
pub fn to_json(ev: &mut Eval, v: &Value, span: Span) -> Result<String> {
    let mut ctx = Context::new();
    let mut out = String::new();
    write_json(ev, v, span, &mut out, &mut ctx)?;
    Ok(out)
}

/// [`to_json`] appending to `out`; after an error, `out` holds the document up to the
/// failure with its open arrays and objects closed, as `nix-instantiate --json` prints.
pub fn to_json_into(ev: &mut Eval, v: &Value, span: Span, out: &mut String) -> Result<()> {
    write_json(ev, v, span, out, &mut Context::new())
}

/// Like [`to_json`], collecting the string context into `ctx`.
pub fn to_json_ctx(ev: &mut Eval, v: &Value, span: Span, ctx: &mut Context) -> Result<String> {
    let mut out = String::new();
    write_json(ev, v, span, &mut out, ctx)?;
    Ok(out)
}

fn write_json(
    ev: &mut Eval,
    v: &Value,
    span: Span,
    out: &mut String,
    ctx: &mut Context,
) -> Result<()> {
    // A value that contains itself nests without end: a clean error, not a crash.
    ev.check_stack(span)?;
    // An evaluated value is written where it lies, not copied (a finished thunk's value
    // stays while its parts are evaluated: see `ThunkCell::done_ref`).
    let forced;
    let v = match v {
        Value::Thunk(t) => match t.0.done_ref() {
            Some(done) => done,
            None => {
                forced = ev.force(v)?;
                &forced
            }
        },
        v => v,
    };
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(itoa::Buffer::new().format(*i)),
        Value::Float(f) => out.push_str(&format_float_json(*f)),
        Value::String(s) => {
            if let Some(c) = s.context() {
                ctx.extend(c.iter().cloned());
            }
            json_escape_into(out, s.as_str());
        }
        Value::Path(_) => {
            let s = ev.coerce_to_string(v, span, CoerceMode::Interpolation, ctx)?;
            json_escape_into(out, &s);
        }
        Value::Attrs(a) => {
            if a.get(ev.syms.to_string).is_some() {
                let s = ev.coerce_to_string(v, span, CoerceMode::Interpolation, ctx)?;
                json_escape_into(out, &s);
                return Ok(());
            }
            if let Some(o) = a.get(ev.syms.out_path).cloned() {
                return write_json(ev, &o, span, out, ctx);
            }
            out.push('{');
            for (i, attr) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_escape_into(out, attr.name.as_str());
                out.push(':');
                // On an error the object is closed, as Nix's writer leaves a partial
                // document (`--json` prints it before the error).
                if let Err(e) = write_json(ev, &attr.value, attr.span().unwrap_or(span), out, ctx) {
                    out.push('}');
                    return Err(e);
                }
            }
            out.push('}');
        }
        Value::List(l) => {
            out.push('[');
            for (i, x) in l.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Err(e) = write_json(ev, x, span, out, ctx) {
                    out.push(']');
                    return Err(e);
                }
            }
            out.push(']');
        }
        other => {
            // Nix points at the function itself when it has a position.
            let pos = match other {
                Value::Lambda(c) => c.def.span,
                _ => span,
            };
            return Err(ev.error(format!("cannot convert {} to JSON", other.type_desc()), pos));
        }
    }
    Ok(())
}

fn to_json_prim(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let mut ctx = Context::new();
    let mut out = String::new();
    write_json(ev, &a[0], span, &mut out, &mut ctx)?;
    Ok(Value::String(NixString::with_context(out, ctx)))
}

/// Converts parsed data (JSON or TOML) into Nix values.
pub fn data_to_value(d: Data) -> Value {
    match d {
        Data::Null => Value::Null,
        Data::Bool(b) => Value::Bool(b),
        Data::Int(i) => Value::Int(i),
        Data::Float(f) => Value::Float(f),
        Data::String(s) => Value::str(s),
        Data::List(l) => Value::list(l.into_iter().map(data_to_value).collect()),
        Data::Attrs(items) => {
            let mut b = AttrsBuilder::with_capacity(items.len());
            for (k, v) in items {
                b.insert_str(&k, data_to_value(v));
            }
            Value::attrs(b.build())
        }
    }
}

/// Builds Nix values from a JSON document as it is read.
struct ValueSink;

impl crate::support::data::Sink for ValueSink {
    type Value = Value;
    type Key = Symbol;
    type Object = AttrsBuilder;
    fn null(&mut self) -> Value {
        Value::Null
    }
    fn bool(&mut self, b: bool) -> Value {
        Value::Bool(b)
    }
    fn int(&mut self, i: i64) -> Value {
        Value::Int(i)
    }
    fn float(&mut self, f: f64) -> Value {
        Value::Float(f)
    }
    fn string(&mut self, s: std::borrow::Cow<'_, str>) -> Value {
        Value::str(s)
    }
    fn list(&mut self, items: Vec<Value>) -> Value {
        Value::list(items)
    }
    fn key(&mut self, s: std::borrow::Cow<'_, str>) -> Symbol {
        Symbol::new(&s)
    }
    fn object(&mut self) -> AttrsBuilder {
        AttrsBuilder::default()
    }
    fn field(&mut self, o: &mut AttrsBuilder, key: Symbol, value: Value) {
        o.insert(key, value);
    }
    fn finish(&mut self, o: AttrsBuilder) -> Value {
        // The builder keeps the last of repeated names, as Nix does.
        Value::attrs(o.build())
    }
}

fn from_json(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let s = super::context::expect_string_no_ctx(ev, &a[0], span)?;
    match crate::support::data::from_json_into(s.as_str(), &mut ValueSink) {
        Ok(v) => Ok(v),
        // Nix 2.8 reports the library's message without a position.
        Err(msg) => Err(crate::error::EvalError::new(
            crate::error::ErrorKind::Eval,
            msg,
            None,
        )),
    }
}

fn from_toml(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let s = super::context::expect_string_no_ctx(ev, &a[0], span)?;
    match crate::support::data::from_toml(s.as_str()) {
        Ok(d) => Ok(data_to_value(d)),
        Err(msg) => Err(ev.error(msg, span)),
    }
}

pub static PRIMOPS: &[PrimOp] = &[
    PrimOp {
        name: "toJSON",
        arity: 1,
        func: to_json_prim,
        eager: None,
    },
    PrimOp {
        name: "fromJSON",
        arity: 1,
        func: from_json,
        eager: None,
    },
    PrimOp {
        name: "fromTOML",
        arity: 1,
        func: from_toml,
        eager: None,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::print_lazy;
    use crate::support::data::{from_json, from_json_into};

    /// `fromJSON` builds values straight from the input: they must be the values the
    /// parsed [`Data`] converts to, for documents of every shape (the data tests'
    /// generator: repeated keys, escapes, NULs, numbers of every kind), whole and cut
    /// short (the same error message from both).
    #[test]
    fn values_built_while_parsing_agree_with_parsed_data() {
        let mut state = 0x9e3779b97f4a7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut ok, mut repeated) = (0, 0);
        for round in 0..20_000 {
            let mut doc = String::new();
            crate::support::data::tests::tree(&mut next, 0, &mut doc);
            if round % 4 == 3 {
                let cut = (next() as usize) % (doc.len() + 1);
                doc = String::from_utf8_lossy(&doc.as_bytes()[..cut]).into_owned();
            }
            let direct = from_json_into(&doc, &mut ValueSink).map(|v| print_lazy(&v));
            let via_data = from_json(&doc).map(|d| print_lazy(&data_to_value(d)));
            assert_eq!(direct, via_data, "{doc:?}");
            ok += usize::from(direct.is_ok());
            repeated += usize::from(doc.matches("\"k\"").count() > 1);
        }
        // The generator must make valid documents, and objects with a repeated key.
        assert!(
            ok > 5_000 && repeated > 500,
            "{ok} valid, {repeated} repeating a key"
        );
    }
}
