//! Compiles rnix's syntax tree into [`Expr`]: variables are resolved to scope slots,
//! attribute paths are merged into nested sets, strings are unescaped and paths resolved.

mod attrs;
mod expr;
mod globals;
mod let_through;
mod parse_error;
mod show;

pub use expr::*;
pub use globals::{Globals, PlainGlobals, PlainGlobalsSource};

use crate::error::{ErrorKind, EvalError, Result};
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::Shared;
use crate::value::Value;
use rnix::SyntaxKind;
use rnix::ast::{self, AstToken, HasEntry, InterpolPart};
use rowan::ast::AstNode;
use rustc_hash::FxHashMap as HashMap;
use std::path::Path;
use std::rc::Rc;

/// A compile-time scope.
struct Scope {
    names: HashMap<Symbol, u32>,
    is_with: bool,
    /// Bindings whose value is a constant known now (`inherit (builtins) head;`,
    /// `b = builtins;`): selections from them fold at compile time (`b.head`), and
    /// references to those without a count (`head`) compile to the value. The others
    /// (`b`) stay bindings: a worker thread's constants with a count are its own
    /// (`PlainGlobals`), which must not reach the code, and code compiles the same on
    /// every thread (lazy printing would show a difference).
    consts: HashMap<Symbol, Value>,
}

/// Everything compilation of one file needs to know.
pub struct Compiler<'a> {
    file: u32,
    /// Directory relative paths are resolved against.
    dir: &'a Path,
    globals: Globals<'a>,
    home: Option<String>,
    scopes: Vec<Scope>,
    source: &'a str,
    /// How positions in this file are named in messages (`None` for `«string»`).
    pub file_label: Option<String>,
    /// The literal paths to `.nix` files in this file (`./svc.nix`): likely imported
    /// next, so worth parsing ahead ([`crate::eval`]'s prefetcher).
    pub nix_paths: Vec<String>,
    /// The names of the sets being collected around the current binding (`a` while
    /// collecting `a.b = ...`), for "attribute 'a.b' already defined".
    attr_prefix: Vec<Symbol>,
}

/// Canonicalises an absolute path as Nix's canonPath does: no `.`, `..` or double slashes,
/// no trailing slash; symlinks are not resolved.
pub fn canon_path(p: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    if parts.is_empty() {
        "/".into()
    } else {
        format!("/{}", parts.join("/"))
    }
}

impl<'a> Compiler<'a> {
    /// A compiler for one file; `scope` names the slots of an initial scope (scopedImport).
    pub fn new(
        file: u32,
        dir: &'a Path,
        source: &'a str,
        globals: Globals<'a>,
        scope: Option<&[Symbol]>,
    ) -> Self {
        let mut c = Compiler {
            file,
            dir,
            globals,
            home: std::env::var("HOME").ok(),
            scopes: vec![],
            source,
            file_label: None,
            nix_paths: Vec::new(),
            attr_prefix: Vec::new(),
        };
        if let Some(names) = scope {
            c.push_scope(names.iter().copied());
        }
        c
    }

    /// Parses and compiles a whole source text.
    pub fn compile_root(&mut self) -> Result<Rc<Expr>> {
        self.compile_parsed(rnix::Root::parse(self.source))
    }

    /// Compiles the source text from its parse (made by [`rnix::Root::parse`] of the
    /// same text, possibly on another thread).
    pub fn compile_parsed(&mut self, parse: rnix::Parse<rnix::Root>) -> Result<Rc<Expr>> {
        if let Some(err) = parse.errors().first() {
            let err = self.parse_error(err, &parse.syntax());
            // A syntax error rnix let through, before its own error, is the one Nix meets first.
            if let Some(first) = self.let_through_error(&parse.syntax())
                && first.span.map(|s| s.start) <= err.span.map(|s| s.start)
            {
                return Err(first);
            }
            return Err(err);
        }
        let root = parse.tree();
        match root.expr() {
            // Nix reads the whole file before it resolves a name: a syntax error rnix
            // let through comes before any error the compiler finds.
            Some(e) => self
                .compile(&e)
                .map_err(|err| self.let_through_error(root.syntax()).unwrap_or(err)),
            None => Err(EvalError::new(
                ErrorKind::Parse,
                "syntax error, unexpected end of file",
                None,
            )),
        }
    }

    fn span_of_range(&self, r: rnix::TextRange) -> Span {
        Span {
            file: self.file,
            start: r.start().into(),
            end: r.end().into(),
        }
    }

    fn span(&self, node: &impl AstNode<Language = rnix::NixLanguage>) -> Span {
        // Nix positions point at the first token. rnix's parser hands the whitespace and
        // comments before a node to its parent before starting it, so a node's range
        // starts at its first token (only the root's does not, and it has no position
        // of its own): no walk down to that token is needed.
        let r = node.syntax().text_range();
        Span {
            file: self.file,
            start: r.start().into(),
            end: r.end().into(),
        }
    }

    fn err(&self, msg: impl Into<String>, span: Span) -> Box<EvalError> {
        EvalError::new(ErrorKind::Eval, msg, Some(span))
    }

    fn push_scope(&mut self, names: impl Iterator<Item = Symbol>) {
        let names = names.enumerate().map(|(i, n)| (n, i as u32)).collect();
        self.scopes.push(Scope {
            names,
            is_with: false,
            consts: HashMap::default(),
        });
    }

    fn resolve(&self, name: Symbol, span: Span) -> Result<VarRef> {
        self.resolve_from(name, 0, span)
    }

    /// [`Compiler::resolve`] in the scopes outside the `skip` innermost ones.
    fn resolve_from(&self, name: Symbol, skip: usize, span: Span) -> Result<VarRef> {
        let mut withs = Vec::new();
        for (depth, scope) in self.scopes.iter().rev().enumerate().skip(skip) {
            if scope.is_with {
                withs.push(depth as u32);
            } else if let Some(idx) = scope.names.get(&name) {
                // A constant binding without a count is compiled in (see `Scope::consts`).
                if let Some(v) = scope.consts.get(&name).filter(|v| v.is_plain()) {
                    return Ok(VarRef::Global(v.clone()));
                }
                return Ok(VarRef::Local {
                    depth: depth as u32,
                    idx: *idx,
                });
            }
        }
        if let Some(r) = self.globals.resolve(name) {
            return Ok(r);
        }
        if withs.is_empty() {
            return Err(self.err(format!("undefined variable '{name}'"), span));
        }
        Ok(VarRef::With {
            name,
            withs,
            hint: Default::default(),
        })
    }

    fn var(&self, name: &str, span: Span) -> Result<Rc<Expr>> {
        Ok(Rc::new(Expr::Var(
            self.resolve(Symbol::new(name), span)?,
            span,
        )))
    }

    /// Compiles one expression.
    pub fn compile(&mut self, e: &ast::Expr) -> Result<Rc<Expr>> {
        let span = self.span(e);
        Ok(Rc::new(match e {
            ast::Expr::Paren(p) => {
                if Self::wrong_close_paren(p.syntax()).is_some()
                    && let Some(err) = self.let_through_error(p.syntax())
                {
                    return Err(err);
                }
                return self.compile_opt(p.expr(), span);
            }
            ast::Expr::Root(r) => return self.compile_opt(r.expr(), span),
            ast::Expr::Literal(l) => self.literal(l, span)?,
            ast::Expr::Ident(id) => {
                match self.resolve(ident_sym(id), span)? {
                    // A constant (`true`, `map`, a constant binding): its value, which
                    // evaluation reads as directly as a literal's.
                    VarRef::Global(v) if foldable(&v) => Expr::Lit(v),
                    r => Expr::Var(r, span),
                }
            }
            ast::Expr::Str(s) => self.string(s, span)?,
            ast::Expr::PathAbs(_)
            | ast::Expr::PathRel(_)
            | ast::Expr::PathHome(_)
            | ast::Expr::PathSearch(_) => {
                let p = ast::Path::cast(e.syntax().clone())
                    .ok_or_else(|| self.err("bad path", span))?;
                return self.path(&p, span);
            }
            ast::Expr::List(l) => {
                let items = l
                    .items()
                    .map(|i| self.compile(&i))
                    .collect::<Result<Vec<_>>>()?;
                Expr::List(items)
            }
            ast::Expr::Apply(_) => {
                let mut args = Vec::new();
                let mut cur = e.clone();
                while let ast::Expr::Apply(a) = &cur {
                    let arg = a
                        .argument()
                        .ok_or_else(|| self.err("missing argument", span))?;
                    args.push(arg);
                    cur = a
                        .lambda()
                        .ok_or_else(|| self.err("missing function", span))?;
                }
                args.reverse();
                let f = self.compile(&cur)?;
                let args = args
                    .iter()
                    .map(|a| self.compile(a))
                    .collect::<Result<Vec<_>>>()?;
                Expr::Call(f, args, span)
            }
            ast::Expr::Lambda(l) => {
                if Self::misplaced_function(l.syntax())
                    && let Some(err) = self.let_through_error(l.syntax())
                {
                    return Err(err);
                }
                Expr::Lambda(self.lambda(l, None, span)?)
            }
            ast::Expr::Select(s) => {
                let target = self.compile_opt(s.expr(), span)?;
                let path = self.attrpath(s.attrpath(), span)?;
                let default = match s.default_expr() {
                    Some(d) => Some(self.compile(&d)?),
                    None => None,
                };
                if let Some(v) = s
                    .expr()
                    .and_then(|t| self.constant_expr(&t, 0))
                    .and_then(|v| constant_path(v, &path))
                    .filter(Value::is_plain)
                {
                    // `builtins.head`: the value itself.
                    return Ok(Rc::new(Expr::Lit(v)));
                }
                Expr::Select(target, path, default, span)
            }
            ast::Expr::HasAttr(h) => {
                let target = self.compile_opt(h.expr(), span)?;
                let path = self.attrpath(h.attrpath(), span)?;
                Expr::HasAttr(target, path, span)
            }
            ast::Expr::IfElse(i) => Expr::If(
                self.compile_opt(i.condition(), span)?,
                self.compile_opt(i.body(), span)?,
                self.compile_opt(i.else_body(), span)?,
                span,
            ),
            ast::Expr::Assert(a) => {
                let text = a
                    .condition()
                    .map(|c| show::show(&c, self.dir))
                    .unwrap_or_default();
                Expr::Assert(
                    self.compile_opt(a.condition(), span)?,
                    self.compile_opt(a.body(), span)?,
                    text,
                    span,
                )
            }
            ast::Expr::With(w) => {
                let ns = self.compile_opt(w.namespace(), span)?;
                self.scopes.push(Scope {
                    names: HashMap::default(),
                    is_with: true,
                    consts: HashMap::default(),
                });
                let body = self.compile_opt(w.body(), span);
                self.scopes.pop();
                Expr::With(ns, body?, span)
            }
            ast::Expr::UnaryOp(u) => {
                let inner = self.compile_opt(u.expr(), span)?;
                match u.operator() {
                    Some(ast::UnaryOpKind::Invert) => Expr::Not(inner, span),
                    Some(ast::UnaryOpKind::Negate) => Expr::Neg(inner, span),
                    None => return Err(self.err("syntax error, unknown unary operator", span)),
                }
            }
            ast::Expr::BinOp(b) => self.binop(b, span)?,
            ast::Expr::AttrSet(set) => {
                let rec = set.rec_token().is_some();
                Expr::Attrs(
                    Box::new(self.attrs_def(set.entries(), rec, true, span)?.0),
                    span,
                )
            }
            ast::Expr::LetIn(l) => {
                let (def, consts) = self.attrs_def(l.entries(), true, false, span)?;
                let names = def.statics.iter().map(|a| a.name).collect::<Vec<_>>();
                self.push_scope(names.into_iter());
                if let Some(scope) = self.scopes.last_mut() {
                    scope.consts = consts;
                }
                let body = self.compile_opt(l.body(), span);
                self.scopes.pop();
                Expr::Let(Box::new(def), body?, span)
            }
            ast::Expr::LegacyLet(l) => {
                // `let { a = 1; body = a; }` is `rec { ... }.body`.
                let def = self.attrs_def(l.entries(), true, true, span)?.0;
                let set = Rc::new(Expr::Attrs(Box::new(def), span));
                Expr::Select(
                    set,
                    vec![AttrKey::Static(Symbol::new("body"), Default::default())],
                    None,
                    span,
                )
            }
            ast::Expr::CurPos(_) => Expr::CurPos(span),
            ast::Expr::Error(_) => {
                return Err(EvalError::new(ErrorKind::Parse, "syntax error", Some(span)));
            }
        }))
    }

    fn compile_opt(&mut self, e: Option<ast::Expr>, span: Span) -> Result<Rc<Expr>> {
        match e {
            Some(e) => self.compile(&e),
            None => Err(EvalError::new(
                ErrorKind::Parse,
                "syntax error, missing expression",
                Some(span),
            )),
        }
    }

    fn literal(&self, l: &ast::Literal, span: Span) -> Result<Expr> {
        Ok(Expr::Lit(match l.kind() {
            ast::LiteralKind::Integer(i) => match i.value() {
                Ok(v) => Value::Int(v),
                Err(_) => {
                    return Err(self.err(format!("invalid integer '{}'", i.syntax().text()), span));
                }
            },
            ast::LiteralKind::Float(f) => match f.value() {
                Ok(v) => Value::Float(v),
                Err(_) => {
                    return Err(self.err(format!("invalid float '{}'", f.syntax().text()), span));
                }
            },
            ast::LiteralKind::Uri(u) => Value::str(u.syntax().text()),
        }))
    }

    fn string(&mut self, s: &ast::Str, span: Span) -> Result<Expr> {
        let indented = s.syntax().first_token().is_some_and(|t| t.text() == "''");
        if !indented && let Some(text) = plain_string(s) {
            return Ok(Expr::Lit(Value::str(text)));
        }
        let parts = s.normalized_parts();
        let mut out = Vec::new();
        for p in parts {
            match p {
                InterpolPart::Literal(text) => {
                    // Nix's lexer turns CRLF into LF inside "..." strings.
                    let text = if indented {
                        text
                    } else {
                        text.replace("\r\n", "\n")
                    };
                    out.push((Rc::new(Expr::Lit(Value::str(text))), span))
                }
                InterpolPart::Interpolation(i) => {
                    let e = self.compile_opt(i.expr(), span)?;
                    // Coercing the value to a string fails at the `${` (as Nix).
                    out.push((e, self.span(&i)))
                }
            }
        }
        Ok(match out.len() {
            0 => Expr::Lit(Value::str("")),
            1 if matches!(&*out[0].0, Expr::Lit(Value::String(_))) => {
                match Rc::try_unwrap(out.pop().unwrap_or_else(|| unreachable!()).0) {
                    Ok(e) => e,
                    Err(rc) => Expr::Interpolate(vec![(rc, span)], span),
                }
            }
            _ => Expr::Interpolate(out, span),
        })
    }

    fn path(&mut self, p: &ast::Path, span: Span) -> Result<Rc<Expr>> {
        if let ast::Path::PathSearch(s) = p {
            let text = s.syntax().text().to_string();
            let name = text
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string();
            let find = self.var("__findFile", span)?;
            let nix_path = self.var("__nixPath", span)?;
            return Ok(Rc::new(Expr::Call(
                find,
                vec![nix_path, Rc::new(Expr::Lit(Value::str(name)))],
                span,
            )));
        }
        if Self::split_path(p.syntax()).is_some() {
            // rnix would panic reading its parts.
            return Err(self.let_through_error(p.syntax()).unwrap_or_else(|| {
                EvalError::new(
                    ErrorKind::Parse,
                    "syntax error, unexpected DOLLAR_CURLY",
                    Some(span),
                )
            }));
        }
        let parts = p.parts();
        let mut out: Vec<Rc<Expr>> = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            match part {
                InterpolPart::Literal(c) => {
                    let mut text = c.text().to_string();
                    if i == 0 {
                        text = self.resolve_path_prefix(&text, span)?;
                    }
                    out.push(Rc::new(Expr::Lit(Value::str(text))));
                }
                InterpolPart::Interpolation(ip) => out.push(self.compile_opt(ip.expr(), span)?),
            }
        }
        if out.len() == 1
            && let Expr::Lit(Value::String(s)) = &*out[0]
        {
            let path = canon_path(s.as_str());
            if path.ends_with(".nix") {
                self.nix_paths.push(path.clone());
            }
            return Ok(Rc::new(Expr::Lit(Value::Path(Shared::new(path)))));
        }
        Ok(Rc::new(Expr::PathInterpolate(out, span)))
    }

    /// Turns the literal start of a path into an absolute one (keeping a trailing slash,
    /// which matters when an interpolation follows).
    fn resolve_path_prefix(&self, text: &str, span: Span) -> Result<String> {
        if let Some(rest) = text.strip_prefix('~') {
            let home = self
                .home
                .clone()
                .ok_or_else(|| self.err("cannot resolve '~': HOME is not set", span))?;
            return Ok(format!("{home}{rest}"));
        }
        if text.starts_with('/') {
            return Ok(text.to_string());
        }
        Ok(format!("{}/{}", self.dir.display(), text))
    }

    fn binop(&mut self, b: &ast::BinOp, span: Span) -> Result<Expr> {
        let (l, r) = (b.lhs(), b.rhs());
        let lspan = l.as_ref().map(|l| self.span(l)).unwrap_or(span);
        let rspan = r.as_ref().map(|r| self.span(r)).unwrap_or(span);
        let lhs = self.compile_opt(l, span)?;
        let rhs = self.compile_opt(r, span)?;
        use ast::BinOpKind as K;
        let op = match b.operator() {
            Some(K::Concat) => BinOp::Concat,
            Some(K::Update) => BinOp::Update,
            Some(K::Add) => BinOp::Add,
            Some(K::Sub) => BinOp::Sub,
            Some(K::Mul) => BinOp::Mul,
            Some(K::Div) => BinOp::Div,
            Some(K::And) => BinOp::And,
            Some(K::Equal) => BinOp::Eq,
            Some(K::Implication) => BinOp::Impl,
            Some(K::Less) => BinOp::Lt,
            Some(K::LessOrEq) => BinOp::Le,
            Some(K::More) => BinOp::Gt,
            Some(K::MoreOrEq) => BinOp::Ge,
            Some(K::NotEqual) => BinOp::NotEq,
            Some(K::Or) => BinOp::Or,
            Some(K::PipeRight) => BinOp::PipeRight,
            Some(K::PipeLeft) => BinOp::PipeLeft,
            None => return Err(self.err("syntax error, unknown operator", span)),
        };
        Ok(Expr::BinOp(op, lhs, rhs, lspan, rspan))
    }

    fn lambda(
        &mut self,
        l: &ast::Lambda,
        name: Option<Symbol>,
        span: Span,
    ) -> Result<Rc<LambdaDef>> {
        let param = l
            .param()
            .ok_or_else(|| self.err("syntax error, missing parameter", span))?;
        let (param, names): (Param, Vec<Symbol>) = match param {
            ast::Param::IdentParam(p) => {
                let n = p.ident().map_or_else(|| Symbol::new(""), |i| ident_sym(&i));
                (Param::Ident(n), vec![n])
            }
            ast::Param::Pattern(pat) => {
                let mut entries: Vec<(Symbol, Option<ast::Expr>, Span)> = pat
                    .pat_entries()
                    .map(|e| {
                        (
                            e.ident().map_or_else(|| Symbol::new(""), |i| ident_sym(&i)),
                            e.default(),
                            self.span(&e),
                        )
                    })
                    .collect();
                entries.sort_by_key(|a| a.0);
                for w in entries.windows(2) {
                    if w[0].0 == w[1].0 {
                        return Err(EvalError::new(
                            ErrorKind::Parse,
                            format!("duplicate formal function argument '{}'", w[0].0),
                            // At the second one (the sort is stable), as Nix.
                            Some(w[1].2),
                        ));
                    }
                }
                let at = pat
                    .pat_bind()
                    .and_then(|b| b.ident())
                    .map(|i| ident_sym(&i));
                if let Some(at) = at
                    && entries.iter().any(|(n, _, _)| *n == at)
                {
                    return Err(
                        self.err(format!("duplicate formal function argument '{at}'"), span)
                    );
                }
                let mut names: Vec<Symbol> = entries.iter().map(|e| e.0).collect();
                names.extend(at);
                self.push_scope(names.iter().copied());
                let mut formals = Vec::new();
                let mut spans = Vec::new();
                for (n, d, s) in entries {
                    spans.push(s);
                    let d = match d {
                        Some(d) => match self.compile(&d) {
                            Ok(c) => Some(c),
                            Err(e) => {
                                self.scopes.pop();
                                return Err(e);
                            }
                        },
                        None => None,
                    };
                    formals.push((n, d));
                }
                self.scopes.pop();
                (
                    Param::Formals {
                        formals,
                        spans,
                        ellipsis: pat.ellipsis_token().is_some(),
                        at,
                    },
                    names,
                )
            }
        };
        let slots = names.len() as u32;
        self.push_scope(names.into_iter());
        let body = self.compile_opt(l.body(), span);
        self.scopes.pop();
        Ok(Rc::new(LambdaDef {
            name,
            param,
            body: body?,
            span,
            slots,
        }))
    }

    /// Compiles an attribute path (`a.${b}."c"`).
    fn attrpath(&mut self, p: Option<ast::Attrpath>, span: Span) -> Result<Vec<AttrKey>> {
        let p = p.ok_or_else(|| self.err("syntax error, missing attribute path", span))?;
        p.attrs().map(|a| self.attr_key(&a, span)).collect()
    }

    fn attr_key(&mut self, a: &ast::Attr, span: Span) -> Result<AttrKey> {
        match a {
            ast::Attr::Ident(i) => Ok(AttrKey::Static(ident_sym(i), Default::default())),
            ast::Attr::Str(s) if Self::indented_name(s.syntax()) => Err(self
                .let_through_error(s.syntax())
                .unwrap_or_else(|| self.err("syntax error, unexpected IND_STRING_OPEN", span))),
            ast::Attr::Str(s) => match self.string(s, span)? {
                Expr::Lit(Value::String(ref s)) => {
                    Ok(AttrKey::Static(Symbol::new(s.as_str()), Default::default()))
                }
                e => Ok(AttrKey::Dynamic(Rc::new(e))),
            },
            ast::Attr::Dynamic(d) => {
                let e = self.compile_opt(d.expr(), span)?;
                // `${"a"}` is a static name, as Nix's parser decides; `${builtins.x}` is
                // not, though it compiles to a constant.
                if matches!(d.expr(), Some(ast::Expr::Str(_)))
                    && let Expr::Lit(Value::String(s)) = &*e
                {
                    return Ok(AttrKey::Static(Symbol::new(s.as_str()), Default::default()));
                }
                Ok(AttrKey::Dynamic(e))
            }
        }
    }
}

/// What `path` selects in the constant `v`, if every name is there with a value that
/// may stand as a literal.
fn constant_path(v: Value, path: &[AttrKey]) -> Option<Value> {
    path.iter().try_fold(v, |v, key| match key {
        AttrKey::Static(name, _) => constant_attr(&v, *name),
        AttrKey::Dynamic(_) => None,
    })
}

/// Attribute `name` of the constant `v`, if `v` is a set with it and its value may
/// stand as a literal ([`foldable`]).
pub(super) fn constant_attr(v: &Value, name: Symbol) -> Option<Value> {
    let Value::Attrs(a) = v else {
        return None;
    };
    a.get(name).filter(|v| foldable(v)).cloned()
}

/// Whether constant `v` may stand in the compiled code as a literal: evaluated, and not a
/// string with context (literal strings in interpolations are copied as plain text).
pub(super) fn foldable(v: &Value) -> bool {
    match v {
        Value::Thunk(_) => false,
        Value::String(s) => !s.has_context(),
        _ => true,
    }
}

/// The text of a `"…"` string that is one piece of text without a backslash, `$` or
/// carriage return (most strings): the piece itself, read without unescaping it.
fn plain_string(s: &ast::Str) -> Option<String> {
    let mut tokens = s.syntax().children_with_tokens();
    let start = tokens.next()?.into_token()?;
    if start.kind() != SyntaxKind::TOKEN_STRING_START {
        return None;
    }
    let next = tokens.next()?.into_token()?;
    let text = match next.kind() {
        SyntaxKind::TOKEN_STRING_END => return tokens.next().is_none().then(String::new),
        SyntaxKind::TOKEN_STRING_CONTENT => next.text(),
        _ => return None,
    };
    let end = tokens.next()?.into_token()?;
    if end.kind() != SyntaxKind::TOKEN_STRING_END || tokens.next().is_some() {
        return None;
    }
    (!text.bytes().any(|b| matches!(b, b'\\' | b'$' | b'\r'))).then(|| text.to_string())
}

/// An identifier's name, interned from the token's text (no copy on the way).
fn ident_sym(i: &ast::Ident) -> Symbol {
    match i.ident_token() {
        Some(t) => Symbol::new(t.text()),
        None => Symbol::new(""),
    }
}
