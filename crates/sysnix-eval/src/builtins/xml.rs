//! XML: `builtins.toXML` (also the `--xml` output), as Nix 2.8's `printValueAsXML`.

use crate::compiler::Param;
use crate::error::Result;
use crate::eval::Eval;
use crate::source::{Origin, Span};
use crate::support::float::format_float_print;
use crate::support::strings::xml_escape_attr;
use crate::value::{Attrs, Context, NixString, PrimOp, Value};
use std::collections::{BTreeMap, BTreeSet};

/// How deeply elements nest before printing gives up (see `print`).
const MAX_DEPTH: usize = 2048;

/// Nix's `XMLWriter`: indented elements, attributes sorted by name.
struct Writer {
    out: String,
    depth: usize,
    /// The elements open now, innermost last.
    open: Vec<String>,
}

type XmlAttrs = BTreeMap<&'static str, String>;

impl Writer {
    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn tag(&mut self, name: &str, attrs: &XmlAttrs) {
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            self.out.push_str(&xml_escape_attr(v));
            self.out.push('"');
        }
    }

    fn open(&mut self, name: &str, attrs: &XmlAttrs) {
        self.indent();
        self.tag(name, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
        self.open.push(name.to_string());
    }

    fn close(&mut self, name: &str) {
        self.open.pop();
        self.depth -= 1;
        self.indent();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// Closes every element still open (as Nix's writer does when an error stops the
    /// printing half way).
    fn close_all(&mut self) {
        while let Some(name) = self.open.last().cloned() {
            self.close(&name);
        }
    }

    fn empty(&mut self, name: &str, attrs: &XmlAttrs) {
        self.indent();
        self.tag(name, attrs);
        self.out.push_str(" />\n");
    }
}

fn single(name: &'static str, value: impl Into<String>) -> XmlAttrs {
    let mut m = XmlAttrs::new();
    m.insert(name, value.into());
    m
}

struct Printer {
    w: Writer,
    strict: bool,
    location: bool,
    drvs_seen: BTreeSet<String>,
}

/// Renders `v` as Nix's XML document, appended to `out`. `strict` forces values (as
/// `toXML` and `--strict` do); `location` adds source positions (as `--xml` does).
/// String context met on the way is added to `ctx`. When evaluating a value fails half
/// way, `out` gets the document up to there with its open elements closed, as
/// `nix-instantiate --xml` prints before the error.
pub fn value_to_xml_into(
    ev: &mut Eval,
    v: &Value,
    strict: bool,
    location: bool,
    span: Span,
    ctx: &mut Context,
    out: &mut String,
) -> Result<()> {
    let mut p = Printer {
        w: Writer {
            out: String::from("<?xml version='1.0' encoding='utf-8'?>\n"),
            depth: 0,
            open: Vec::new(),
        },
        strict,
        location,
        drvs_seen: BTreeSet::new(),
    };
    p.w.open("expr", &XmlAttrs::new());
    let printed = p.print(ev, v, span, ctx);
    p.w.close_all();
    out.push_str(&p.w.out);
    printed
}

impl Printer {
    fn pos_attrs(&self, ev: &Eval, attrs: &mut XmlAttrs, pos: Span) {
        let f = ev.sources.file(pos.file);
        let (line, col) = f.line_col(pos.start);
        let file = match &f.origin {
            Origin::File(p) => p.display().to_string(),
            _ => f.display_name(),
        };
        attrs.insert("path", file);
        attrs.insert("line", line.to_string());
        attrs.insert("column", col.to_string());
    }

    fn value(&self, ev: &mut Eval, v: &Value) -> Result<Option<Value>> {
        if self.strict {
            return ev.force(v).map(Some);
        }
        Ok(match v {
            Value::Thunk(t) => t.value(),
            other => Some(other.clone()),
        })
    }

    fn print(&mut self, ev: &mut Eval, v: &Value, span: Span, ctx: &mut Context) -> Result<()> {
        // A value that contains itself (`let x = { a = x; }; in x`) nests without end:
        // stop with the error Nix gives when its stack runs out, at a depth no real
        // document reaches. (Each level indents its lines further, so the text grows
        // with the square of the depth; sysnix's stack is large enough that the stack
        // check alone would first fill gigabytes. The bound keeps it to a few MB.)
        if self.w.depth > MAX_DEPTH {
            return Err(crate::EvalError::new(
                crate::ErrorKind::StackOverflow,
                "stack overflow (possible infinite recursion)",
                None,
            ));
        }
        ev.check_stack(span)?;
        let Some(v) = self.value(ev, v)? else {
            self.w.empty("unevaluated", &XmlAttrs::new());
            return Ok(());
        };
        match &v {
            Value::Int(i) => self.w.empty("int", &single("value", i.to_string())),
            Value::Bool(b) => self
                .w
                .empty("bool", &single("value", if *b { "true" } else { "false" })),
            Value::String(s) => {
                if let Some(c) = s.context() {
                    ctx.extend(c.iter().cloned());
                }
                self.w.empty("string", &single("value", s.as_str()));
            }
            Value::Path(p) => self.w.empty("path", &single("value", p.as_str())),
            Value::Null => self.w.empty("null", &XmlAttrs::new()),
            Value::Float(f) => self
                .w
                .empty("float", &single("value", format_float_print(*f))),
            Value::Attrs(a) => {
                if ev.is_derivation(a)? {
                    let mut xa = XmlAttrs::new();
                    let mut drv_path = String::new();
                    if let Some(d) = a.get_str("drvPath").cloned()
                        && let Some(Value::String(ref s)) = self.value(ev, &d)?
                    {
                        drv_path = s.as_str().to_string();
                        xa.insert("drvPath", drv_path.clone());
                    }
                    if let Some(o) = a.get_str("outPath").cloned()
                        && let Some(Value::String(ref s)) = self.value(ev, &o)?
                    {
                        xa.insert("outPath", s.as_str().to_string());
                    }
                    self.w.open("derivation", &xa);
                    if !drv_path.is_empty() && self.drvs_seen.insert(drv_path) {
                        self.show_attrs(ev, a, span, ctx)?;
                    } else {
                        self.w.empty("repeated", &XmlAttrs::new());
                    }
                    self.w.close("derivation");
                } else {
                    self.w.open("attrs", &XmlAttrs::new());
                    self.show_attrs(ev, a, span, ctx)?;
                    self.w.close("attrs");
                }
            }
            Value::List(l) => {
                self.w.open("list", &XmlAttrs::new());
                for x in l.iter() {
                    self.print(ev, x, span, ctx)?;
                }
                self.w.close("list");
            }
            Value::Lambda(c) => {
                let def = &c.def;
                let mut xa = XmlAttrs::new();
                if self.location {
                    self.pos_attrs(ev, &mut xa, def.span);
                }
                self.w.open("function", &xa);
                match &def.param {
                    Param::Ident(s) => self.w.empty("varpat", &single("name", s.as_str())),
                    Param::Formals {
                        formals,
                        ellipsis,
                        at,
                        ..
                    } => {
                        let mut pa = XmlAttrs::new();
                        if let Some(at) = at {
                            pa.insert("name", at.as_str().to_string());
                        }
                        if *ellipsis {
                            pa.insert("ellipsis", "1".into());
                        }
                        self.w.open("attrspat", &pa);
                        let mut names: Vec<&str> =
                            formals.iter().map(|(n, _)| n.as_str()).collect();
                        names.sort_unstable();
                        for n in names {
                            self.w.empty("attr", &single("name", n));
                        }
                        self.w.close("attrspat");
                    }
                }
                self.w.close("function");
            }
            // Nix 2.8 does not print builtins (FIXME upstream).
            _ => self.w.empty("unevaluated", &XmlAttrs::new()),
        }
        Ok(())
    }

    fn show_attrs(
        &mut self,
        ev: &mut Eval,
        a: &Attrs,
        span: Span,
        ctx: &mut Context,
    ) -> Result<()> {
        let mut items: Vec<_> = a.iter().collect();
        items.sort_by(|x, y| x.name.as_str().cmp(y.name.as_str()));
        for attr in items {
            let mut xa = single("name", attr.name.as_str());
            if self.location
                && let Some(pos) = attr.span()
            {
                self.pos_attrs(ev, &mut xa, pos);
            }
            self.w.open("attr", &xa);
            self.print(ev, &attr.value, attr.span().unwrap_or(span), ctx)?;
            self.w.close("attr");
        }
        Ok(())
    }
}

fn to_xml(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let mut ctx = Context::new();
    let mut s = String::new();
    value_to_xml_into(ev, &a[0], true, false, span, &mut ctx, &mut s)?;
    Ok(Value::String(NixString::with_context(s, ctx)))
}

pub static PRIMOPS: &[PrimOp] = &[PrimOp {
    name: "toXML",
    arity: 1,
    func: to_xml,
    eager: None,
}];
