//! Prints an expression the way Nix shows it in "assertion '…' failed" messages:
//! fully parenthesised, with comparison and arithmetic operators as their builtins.

use rnix::ast::{self, HasEntry, InterpolPart};
use rowan::ast::AstNode;
use std::collections::BTreeMap;
use std::path::Path;

/// Nix's rendering of an expression; relative paths in it resolve against `dir` (Nix
/// shows a path literal as the absolute path it stands for).
pub fn show(e: &ast::Expr, dir: &Path) -> String {
    let mut s = String::new();
    go(e, dir, &mut s);
    s
}

fn opt(e: Option<ast::Expr>, dir: &Path, out: &mut String) {
    if let Some(e) = e {
        go(&e, dir, out)
    }
}

fn string_lit(s: &str) -> String {
    crate::support::strings::print_string_literal(s)
}

fn attrpath(p: Option<ast::Attrpath>, dir: &Path) -> String {
    let Some(p) = p else { return String::new() };
    p.attrs()
        .map(|a| static_name(&a).map_or_else(|| dynamic_name(&a, dir), |n| print_name(&n)))
        .collect::<Vec<_>>()
        .join(".")
}

/// A name computed by evaluation, as Nix shows it: `"${expr}"` (a string with
/// interpolations as its concatenation, `"${("a" + b)}"`).
fn dynamic_name(a: &ast::Attr, dir: &Path) -> String {
    let e = match a {
        ast::Attr::Str(s) => Some(ast::Expr::Str(s.clone())),
        ast::Attr::Dynamic(d) => d.expr(),
        ast::Attr::Ident(_) => None,
    };
    format!("\"${{{}}}\"", e.map(|e| show(&e, dir)).unwrap_or_default())
}

fn single_literal(s: &ast::Str) -> Option<String> {
    let parts = s.normalized_parts();
    match parts.as_slice() {
        [] => Some(String::new()),
        [InterpolPart::Literal(t)] => Some(t.clone()),
        _ => None,
    }
}

fn go(e: &ast::Expr, dir: &Path, out: &mut String) {
    use ast::BinOpKind as K;
    match e {
        ast::Expr::Paren(p) => opt(p.expr(), dir, out),
        ast::Expr::Root(r) => opt(r.expr(), dir, out),
        ast::Expr::Literal(l) if matches!(l.kind(), ast::LiteralKind::Uri(_)) => {
            out.push_str(&string_lit(&l.syntax().text().to_string()))
        }
        ast::Expr::PathSearch(p) => {
            let t = p.syntax().text().to_string();
            out.push_str(&format!(
                "(__findFile __nixPath {})",
                string_lit(t.trim_start_matches('<').trim_end_matches('>'))
            ));
        }
        ast::Expr::PathRel(p) if !p.syntax().text().to_string().contains("${") => {
            let text = p.syntax().text().to_string();
            out.push_str(&super::canon_path(&format!("{}/{text}", dir.display())));
        }
        ast::Expr::PathHome(p) if !p.syntax().text().to_string().contains("${") => {
            let text = p.syntax().text().to_string();
            match std::env::var("HOME") {
                Ok(home) => out.push_str(&super::canon_path(&format!("{home}/{}", &text[2..]))),
                Err(_) => out.push_str(&text),
            }
        }
        ast::Expr::Literal(_)
        | ast::Expr::Ident(_)
        | ast::Expr::PathAbs(_)
        | ast::Expr::PathRel(_)
        | ast::Expr::PathHome(_)
        | ast::Expr::CurPos(_) => out.push_str(&e.syntax().text().to_string()),
        ast::Expr::Str(s) => {
            let parts = s.normalized_parts();
            if parts.len() <= 1
                && let Some(t) = single_literal(s)
            {
                out.push_str(&string_lit(&t));
                return;
            }
            out.push('(');
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    out.push_str(" + ");
                }
                match p {
                    InterpolPart::Literal(t) => out.push_str(&string_lit(t)),
                    InterpolPart::Interpolation(ip) => opt(ip.expr(), dir, out),
                }
            }
            out.push(')');
        }
        ast::Expr::List(l) => {
            out.push_str("[ ");
            for i in l.items() {
                out.push('(');
                go(&i, dir, out);
                out.push_str(") ");
            }
            out.push(']');
        }
        ast::Expr::Apply(_) => {
            // `f a b` shows as one call: `(f a b)`.
            let mut args = Vec::new();
            let mut cur = e.clone();
            while let ast::Expr::Apply(a) = &cur {
                args.extend(a.argument());
                match a.lambda() {
                    Some(l) => cur = l,
                    None => break,
                }
            }
            out.push('(');
            go(&cur, dir, out);
            for a in args.iter().rev() {
                out.push(' ');
                go(a, dir, out);
            }
            out.push(')');
        }
        ast::Expr::Select(s) => {
            out.push('(');
            opt(s.expr(), dir, out);
            out.push_str(").");
            out.push_str(&attrpath(s.attrpath(), dir));
            if let Some(d) = s.default_expr() {
                out.push_str(" or (");
                go(&d, dir, out);
                out.push(')');
            }
        }
        ast::Expr::HasAttr(h) => {
            out.push_str("((");
            opt(h.expr(), dir, out);
            out.push_str(") ? ");
            out.push_str(&attrpath(h.attrpath(), dir));
            out.push(')');
        }
        ast::Expr::UnaryOp(u) => match u.operator() {
            Some(ast::UnaryOpKind::Invert) => {
                out.push_str("(! ");
                opt(u.expr(), dir, out);
                out.push(')');
            }
            _ => {
                out.push_str("(__sub 0 ");
                opt(u.expr(), dir, out);
                out.push(')');
            }
        },
        ast::Expr::BinOp(b) => {
            let (l, r) = (b.lhs(), b.rhs());
            let call =
                |name: &str, a: Option<ast::Expr>, b: Option<ast::Expr>, out: &mut String| {
                    out.push_str(&format!("({name} "));
                    opt(a, dir, out);
                    out.push(' ');
                    opt(b, dir, out);
                    out.push(')');
                };
            match b.operator() {
                Some(K::Sub) => call("__sub", l, r, out),
                Some(K::Mul) => call("__mul", l, r, out),
                Some(K::Div) => call("__div", l, r, out),
                Some(K::Less) => call("__lessThan", l, r, out),
                Some(K::More) => call("__lessThan", r, l, out),
                Some(K::MoreOrEq) => {
                    out.push_str("(! ");
                    call("__lessThan", l, r, out);
                    out.push(')');
                }
                Some(K::LessOrEq) => {
                    out.push_str("(! ");
                    call("__lessThan", r, l, out);
                    out.push(')');
                }
                op => {
                    let sym = match op {
                        Some(K::Concat) => "++",
                        Some(K::Update) => "//",
                        Some(K::Add) => "+",
                        Some(K::And) => "&&",
                        Some(K::Or) => "||",
                        Some(K::Equal) => "==",
                        Some(K::NotEqual) => "!=",
                        Some(K::Implication) => "->",
                        Some(K::PipeRight) => "|>",
                        Some(K::PipeLeft) => "<|",
                        _ => "?",
                    };
                    out.push('(');
                    opt(l, dir, out);
                    out.push_str(&format!(" {sym} "));
                    opt(r, dir, out);
                    out.push(')');
                }
            }
        }
        ast::Expr::IfElse(i) => {
            out.push_str("(if ");
            opt(i.condition(), dir, out);
            out.push_str(" then ");
            opt(i.body(), dir, out);
            out.push_str(" else ");
            opt(i.else_body(), dir, out);
            out.push(')');
        }
        ast::Expr::With(w) => {
            out.push_str("(with ");
            opt(w.namespace(), dir, out);
            out.push_str("; ");
            opt(w.body(), dir, out);
            out.push(')');
        }
        ast::Expr::Assert(a) => {
            out.push_str("assert ");
            opt(a.condition(), dir, out);
            out.push_str("; ");
            opt(a.body(), dir, out);
        }
        ast::Expr::Lambda(l) => {
            out.push('(');
            match l.param() {
                Some(ast::Param::IdentParam(p)) => out.push_str(&p.syntax().text().to_string()),
                Some(ast::Param::Pattern(p)) => {
                    let mut items: Vec<String> = p
                        .pat_entries()
                        .map(|e| {
                            let name = e
                                .ident()
                                .map(|i| i.syntax().text().to_string())
                                .unwrap_or_default();
                            match e.default() {
                                Some(d) => format!("{name} ? {}", show(&d, dir)),
                                None => name,
                            }
                        })
                        .collect();
                    if p.ellipsis_token().is_some() {
                        items.push("...".into());
                    }
                    out.push_str(&format!("{{ {} }}", items.join(", ")));
                    if let Some(b) = p.pat_bind().and_then(|b| b.ident()) {
                        out.push_str(&format!(" @ {}", b.syntax().text()));
                    }
                }
                None => {}
            }
            out.push_str(": ");
            opt(l.body(), dir, out);
            out.push(')');
        }
        ast::Expr::LetIn(l) => {
            out.push_str("(let ");
            entries(l.entries(), dir, out);
            out.push_str("in ");
            opt(l.body(), dir, out);
            out.push(')');
        }
        ast::Expr::LegacyLet(l) => {
            out.push_str("(rec { ");
            entries(l.entries(), dir, out);
            out.push_str("}).body");
        }
        ast::Expr::AttrSet(s) => {
            if s.rec_token().is_some() {
                out.push_str("rec ");
            }
            out.push_str("{ ");
            entries(s.entries(), dir, out);
            out.push('}');
        }
        ast::Expr::Error(_) => out.push_str("<error>"),
    }
}

/// Bindings as Nix shows them: attribute paths nested into sets (`b.c = 2;` is
/// `b = { c = 2; };`), `inherit (e) x;` as `x = (e).x;`, names sorted and quoted
/// where they are not identifiers, then the dynamic names in source order.
fn entries(es: impl Iterator<Item = ast::Entry>, dir: &Path, out: &mut String) {
    let mut root = Bindings::default();
    for e in es {
        match e {
            ast::Entry::Inherit(i) => {
                let from = i.from().and_then(|f| f.expr()).map(|f| show(&f, dir));
                for a in i.attrs() {
                    let name = match &a {
                        ast::Attr::Str(s) => single_literal(s),
                        _ => Some(a.syntax().text().to_string()),
                    };
                    let Some(name) = name else { continue };
                    let shown = match &from {
                        Some(f) => Shown::Value(format!("({f}).{name}")),
                        None => Shown::Inherit,
                    };
                    root.names.insert(name, shown);
                }
            }
            ast::Entry::AttrpathValue(av) => root.bind(&av, dir),
        }
    }
    root.render(out);
}

/// One level of shown bindings.
#[derive(Default)]
struct Bindings {
    names: BTreeMap<String, Shown>,
    dynamic: Vec<(String, Shown)>,
}

enum Shown {
    Value(String),
    Inherit,
    Set(Bindings),
}

impl Shown {
    /// A bound value: a plain set literal stays open, so that paths bound later
    /// (`a = { b = 1; }; a.c = 2;`) merge into it, as Nix merges them.
    fn of(value: &ast::Expr, dir: &Path) -> Shown {
        match value {
            ast::Expr::AttrSet(set) if set.rec_token().is_none() => {
                let mut inner = Bindings::default();
                for e in set.entries() {
                    if let ast::Entry::AttrpathValue(av) = &e {
                        inner.bind(av, dir);
                    } else {
                        // `inherit` inside: shown as written.
                        return Shown::Value(show(value, dir));
                    }
                }
                Shown::Set(inner)
            }
            _ => Shown::Value(show(value, dir)),
        }
    }
}

impl Bindings {
    /// Adds `path = value;`.
    fn bind(&mut self, av: &ast::AttrpathValue, dir: &Path) {
        let keys: Vec<ast::Attr> = av
            .attrpath()
            .map(|p| p.attrs().collect())
            .unwrap_or_default();
        if let Some(value) = av.value() {
            self.insert(&keys, &value, dir);
        }
    }

    fn insert(&mut self, keys: &[ast::Attr], value: &ast::Expr, dir: &Path) {
        let Some((first, rest)) = keys.split_first() else {
            return;
        };
        let shown = |rest: &[ast::Attr], value: &ast::Expr| {
            if rest.is_empty() {
                Shown::of(value, dir)
            } else {
                let mut inner = Bindings::default();
                inner.insert(rest, value, dir);
                Shown::Set(inner)
            }
        };
        match static_name(first) {
            Some(name) => match self.names.get_mut(&name) {
                Some(Shown::Set(inner)) if !rest.is_empty() => inner.insert(rest, value, dir),
                _ => {
                    self.names.insert(name, shown(rest, value));
                }
            },
            None => {
                self.dynamic
                    .push((dynamic_name(first, dir), shown(rest, value)));
            }
        }
    }

    fn render(&self, out: &mut String) {
        let named = self.names.iter().map(|(n, s)| (print_name(n), s));
        for (name, shown) in named.chain(self.dynamic.iter().map(|(k, s)| (k.clone(), s))) {
            match shown {
                Shown::Value(v) => out.push_str(&format!("{name} = {v}; ")),
                Shown::Inherit => out.push_str(&format!("inherit {name} ; ")),
                Shown::Set(inner) => {
                    out.push_str(&format!("{name} = {{ "));
                    inner.render(out);
                    out.push_str("}; ");
                }
            }
        }
    }
}

/// A name known without evaluating: an identifier, a string without interpolation,
/// or `${"literal"}`.
fn static_name(a: &ast::Attr) -> Option<String> {
    match a {
        ast::Attr::Ident(i) => Some(i.syntax().text().to_string()),
        ast::Attr::Str(s) => single_literal(s),
        ast::Attr::Dynamic(d) => match d.expr() {
            Some(ast::Expr::Str(s)) => single_literal(&s),
            _ => None,
        },
    }
}

fn print_name(name: &str) -> String {
    crate::support::strings::print_attr_name(name)
}
