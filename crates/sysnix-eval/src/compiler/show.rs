//! Prints an expression the way Nix shows it in "assertion '…' failed" messages:
//! fully parenthesised, with comparison and arithmetic operators as their builtins.

use rnix::ast::{self, HasEntry, InterpolPart};
use rowan::ast::AstNode;

/// Nix's rendering of an expression.
pub fn show(e: &ast::Expr) -> String {
    let mut s = String::new();
    go(e, &mut s);
    s
}

fn opt(e: Option<ast::Expr>, out: &mut String) {
    if let Some(e) = e {
        go(&e, out)
    }
}

fn string_lit(s: &str) -> String {
    crate::support::strings::print_string_literal(s)
}

fn attrpath(p: Option<ast::Attrpath>) -> String {
    let Some(p) = p else { return String::new() };
    p.attrs()
        .map(|a| match a {
            ast::Attr::Ident(i) => i.syntax().text().to_string(),
            ast::Attr::Str(s) => match single_literal(&s) {
                Some(t) => t,
                None => format!("\"{}\"", s.syntax().text()),
            },
            ast::Attr::Dynamic(d) => match d.expr() {
                Some(ast::Expr::Str(s)) if single_literal(&s).is_some() => {
                    single_literal(&s).unwrap_or_default()
                }
                Some(e) => format!("\"${{{}}}\"", show(&e)),
                None => String::new(),
            },
        })
        .collect::<Vec<_>>()
        .join(".")
}

fn single_literal(s: &ast::Str) -> Option<String> {
    let parts = s.normalized_parts();
    match parts.as_slice() {
        [] => Some(String::new()),
        [InterpolPart::Literal(t)] => Some(t.clone()),
        _ => None,
    }
}

fn go(e: &ast::Expr, out: &mut String) {
    use ast::BinOpKind as K;
    match e {
        ast::Expr::Paren(p) => opt(p.expr(), out),
        ast::Expr::Root(r) => opt(r.expr(), out),
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
                    InterpolPart::Interpolation(ip) => opt(ip.expr(), out),
                }
            }
            out.push(')');
        }
        ast::Expr::List(l) => {
            out.push_str("[ ");
            for i in l.items() {
                out.push('(');
                go(&i, out);
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
            go(&cur, out);
            for a in args.iter().rev() {
                out.push(' ');
                go(a, out);
            }
            out.push(')');
        }
        ast::Expr::Select(s) => {
            out.push('(');
            opt(s.expr(), out);
            out.push_str(").");
            out.push_str(&attrpath(s.attrpath()));
            if let Some(d) = s.default_expr() {
                out.push_str(" or (");
                go(&d, out);
                out.push(')');
            }
        }
        ast::Expr::HasAttr(h) => {
            out.push_str("((");
            opt(h.expr(), out);
            out.push_str(") ? ");
            out.push_str(&attrpath(h.attrpath()));
            out.push(')');
        }
        ast::Expr::UnaryOp(u) => match u.operator() {
            Some(ast::UnaryOpKind::Invert) => {
                out.push_str("(! ");
                opt(u.expr(), out);
                out.push(')');
            }
            _ => {
                out.push_str("(__sub 0 ");
                opt(u.expr(), out);
                out.push(')');
            }
        },
        ast::Expr::BinOp(b) => {
            let (l, r) = (b.lhs(), b.rhs());
            let call =
                |name: &str, a: Option<ast::Expr>, b: Option<ast::Expr>, out: &mut String| {
                    out.push_str(&format!("({name} "));
                    opt(a, out);
                    out.push(' ');
                    opt(b, out);
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
                    opt(l, out);
                    out.push_str(&format!(" {sym} "));
                    opt(r, out);
                    out.push(')');
                }
            }
        }
        ast::Expr::IfElse(i) => {
            out.push_str("(if ");
            opt(i.condition(), out);
            out.push_str(" then ");
            opt(i.body(), out);
            out.push_str(" else ");
            opt(i.else_body(), out);
            out.push(')');
        }
        ast::Expr::With(w) => {
            out.push_str("(with ");
            opt(w.namespace(), out);
            out.push_str("; ");
            opt(w.body(), out);
            out.push(')');
        }
        ast::Expr::Assert(a) => {
            out.push_str("assert ");
            opt(a.condition(), out);
            out.push_str("; ");
            opt(a.body(), out);
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
                                Some(d) => format!("{name} ? {}", show(&d)),
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
            opt(l.body(), out);
            out.push(')');
        }
        ast::Expr::LetIn(l) => {
            out.push_str("(let ");
            entries(l.entries(), out);
            out.push_str("in ");
            opt(l.body(), out);
            out.push(')');
        }
        ast::Expr::LegacyLet(l) => {
            out.push_str("(rec { ");
            entries(l.entries(), out);
            out.push_str("}).body");
        }
        ast::Expr::AttrSet(s) => {
            if s.rec_token().is_some() {
                out.push_str("rec ");
            }
            out.push_str("{ ");
            entries(s.entries(), out);
            out.push('}');
        }
        ast::Expr::Error(_) => out.push_str("<error>"),
    }
}

fn entries(es: impl Iterator<Item = ast::Entry>, out: &mut String) {
    let mut items: Vec<(String, String)> = Vec::new();
    for e in es {
        match e {
            ast::Entry::Inherit(i) => {
                for a in i.attrs() {
                    let name = a.syntax().text().to_string();
                    items.push((name.clone(), format!("inherit {name} ; ")));
                }
            }
            ast::Entry::AttrpathValue(av) => {
                let path = attrpath(av.attrpath());
                let value = av.value().map(|v| show(&v)).unwrap_or_default();
                items.push((path.clone(), format!("{path} = {value}; ")));
            }
        }
    }
    items.sort();
    for (_, s) in items {
        out.push_str(&s);
    }
}
