//! Printing values exactly as `nix-instantiate --eval` does (Nix 2.8): unevaluated parts
//! as `<CODE>`, functions as `<LAMBDA>`/`<PRIMOP>`, and a set or list that was already
//! printed once as `«repeated»`.

use crate::support::float::format_float_print;
use crate::support::strings::{print_attr_name, print_string_literal};
use crate::value::{ThunkState, Value};
use rustc_hash::FxHashSet as HashSet;

/// Prints a value without forcing anything.
pub fn print_lazy(v: &Value) -> String {
    let mut out = String::new();
    let mut seen = HashSet::default();
    print(v, &mut out, &mut seen);
    out
}

fn print(v: &Value, out: &mut String, seen: &mut HashSet<usize>) {
    print_via(v, None, out, seen)
}

/// `via` is the thunk the value was reached through: Nix 2.8 stores lists of one or two
/// elements inside the value itself, so only the same value (not a copy) is «repeated».
fn print_via(v: &Value, via: Option<usize>, out: &mut String, seen: &mut HashSet<usize>) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(itoa::Buffer::new().format(*i)),
        Value::Float(f) => out.push_str(&format_float_print(*f)),
        Value::String(s) => out.push_str(&print_string_literal(s.as_str())),
        Value::Path(p) => out.push_str(p),
        Value::Attrs(a) => {
            if !a.is_empty() && !seen.insert(crate::value::Shared::as_ptr(a) as usize) {
                out.push_str("«repeated»");
                return;
            }
            out.push_str("{ ");
            for attr in a.iter() {
                out.push_str(&print_attr_name(attr.name.as_str()));
                out.push_str(" = ");
                print(&attr.value, out, seen);
                out.push_str("; ");
            }
            out.push('}');
        }
        Value::List(l) => {
            let key = if l.len() <= 2 {
                via
            } else {
                Some(crate::value::Shared::as_ptr(l) as usize)
            };
            if let Some(key) = key.filter(|_| !l.is_empty())
                && !seen.insert(key)
            {
                out.push_str("«repeated»");
                return;
            }
            if false {
                out.push_str("«repeated»");
                return;
            }
            out.push_str("[ ");
            for x in l.iter() {
                print(x, out, seen);
                out.push(' ');
            }
            out.push(']');
        }
        Value::Lambda(_) => out.push_str("<LAMBDA>"),
        Value::PrimOp(_) => out.push_str("<PRIMOP>"),
        Value::PrimOpApp(_) => out.push_str("<PRIMOP-APP>"),
        Value::Thunk(t) => match &*t.0.borrow() {
            ThunkState::Done(v) => print_via(v, Some(t.ptr() as usize), out, seen),
            _ => out.push_str("<CODE>"),
        },
    }
}
