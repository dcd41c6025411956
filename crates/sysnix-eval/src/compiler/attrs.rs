//! Attribute sets and `let` bindings: merging `a.b = 1; a.c = 2;` into nested sets,
//! `inherit`, dynamic names, and the recursive scope of `rec` / `let`.

use super::{AttrKey, AttrValue, AttrsDef, Compiler, Expr, StaticAttr, VarRef, constant_attr};
use crate::error::Result;
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::Value;
use rnix::ast::{self, HasEntry};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;
use std::rc::Rc;

/// A set being collected, before its values are compiled.
#[derive(Default)]
struct Pending {
    statics: BTreeMap<Symbol, (PendingValue, Span)>,
    inherit_from: Vec<ast::Expr>,
    dynamics: Vec<(ast::Attr, PendingValue, Span)>,
    /// A nested set that began as a `rec` literal (`a = rec { ... };`) and had more
    /// bound into it (`a.b = ...;`, a second `a = { ... };`): as in Nix, all of its
    /// bindings see its attributes.
    rec: bool,
}

enum PendingValue {
    Expr(ast::Expr),
    Inherited(Symbol, Span),
    InheritFrom(usize, Symbol),
    Nested(Pending),
}

impl Compiler<'_> {
    /// Compiles the entries of a set or `let`. `rec` makes the values see the set's own
    /// static attributes; `allow_dynamic` is false for `let`. Also returns the bindings
    /// of a recursive scope that are constants ([`Compiler::constant_bindings`]).
    pub(super) fn attrs_def(
        &mut self,
        entries: impl Iterator<Item = ast::Entry>,
        rec: bool,
        allow_dynamic: bool,
        span: Span,
    ) -> Result<(AttrsDef, HashMap<Symbol, Value>)> {
        let mut pending = Pending::default();
        self.collect(entries, &mut pending)?;
        if !allow_dynamic && !pending.dynamics.is_empty() {
            // At the `let`, as Nix reports it.
            return Err(self.err("dynamic attributes not allowed in let", span));
        }
        let _ = span;
        if rec {
            let names: Vec<Symbol> = pending.statics.keys().copied().collect();
            self.push_scope(names.into_iter());
            self.constant_bindings(&pending);
            let r = self.finish(pending, true);
            let consts = self.scopes.pop().map(|s| s.consts).unwrap_or_default();
            Ok((r?, consts))
        } else {
            Ok((self.finish(pending, false)?, HashMap::default()))
        }
    }

    /// Finds the bindings of the innermost scope (a `let` or `rec` being compiled) whose
    /// value is a constant known now, and records them in the scope, so references to
    /// them compile to the value: `inherit (builtins) head;`, `b = builtins;`,
    /// `elemAt = builtins.elemAt;`, `inherit x;` of such a binding, and these through
    /// each other. The binding itself stays (a set still has the attribute). Only
    /// evaluated values count, so nothing is evaluated earlier than it would be.
    fn constant_bindings(&mut self, p: &Pending) {
        loop {
            let mut found = false;
            for (name, (value, _)) in &p.statics {
                if self
                    .scopes
                    .last()
                    .is_some_and(|s| s.consts.contains_key(name))
                {
                    continue;
                }
                let v = match value {
                    PendingValue::Expr(e) => self.constant_expr(e, 0),
                    PendingValue::Inherited(n, _) => self.constant_var(*n, 1),
                    PendingValue::InheritFrom(i, n) => self
                        .constant_expr(&p.inherit_from[*i], 0)
                        .and_then(|s| constant_attr(&s, *n)),
                    PendingValue::Nested(_) => None,
                };
                if let (Some(v), Some(scope)) = (v, self.scopes.last_mut()) {
                    scope.consts.insert(*name, v);
                    found = true;
                }
            }
            if !found {
                return;
            }
        }
    }

    /// The value of `e` if it is a constant known now: a constant variable, or a
    /// selection of plain names from one. `skip`: innermost scopes not to look in.
    pub(super) fn constant_expr(&self, e: &ast::Expr, skip: usize) -> Option<Value> {
        match e {
            ast::Expr::Paren(p) => self.constant_expr(&p.expr()?, skip),
            ast::Expr::Ident(i) => self.constant_var(super::ident_sym(i), skip),
            ast::Expr::Select(s) if s.default_expr().is_none() => {
                let mut v = self.constant_expr(&s.expr()?, skip)?;
                for a in s.attrpath()?.attrs() {
                    let ast::Attr::Ident(i) = a else {
                        return None;
                    };
                    v = constant_attr(&v, super::ident_sym(&i))?;
                }
                Some(v)
            }
            _ => None,
        }
    }

    /// The value of variable `name` if it is a constant: a builtin constant not shadowed,
    /// or a constant binding (in the scopes [`Compiler::resolve`] looks in, `skip`
    /// innermost ones left out). On a worker thread, `builtins` is its own copy
    /// ([`super::PlainGlobals`]): only what is selected from it may be compiled in.
    fn constant_var(&self, name: Symbol, skip: usize) -> Option<Value> {
        for scope in self.scopes.iter().rev().skip(skip) {
            if !scope.is_with && scope.names.contains_key(&name) {
                return scope.consts.get(&name).cloned();
            }
        }
        match self.globals.resolve(name)? {
            VarRef::Global(v) => Some(v),
            VarRef::Deferred(name, _) => self.globals.fold(name),
            _ => None,
        }
    }

    fn collect(
        &mut self,
        entries: impl Iterator<Item = ast::Entry>,
        into: &mut Pending,
    ) -> Result<()> {
        for entry in entries {
            match entry {
                ast::Entry::Inherit(inh) => {
                    let span = self.span(&inh);
                    // `inherit (e);` binds nothing, and Nix never looks at `e`.
                    let from = inh
                        .from()
                        .and_then(|f| f.expr())
                        .filter(|_| inh.attrs().next().is_some());
                    let from_idx = from.map(|f| {
                        into.inherit_from.push(f);
                        into.inherit_from.len() - 1
                    });
                    for attr in inh.attrs() {
                        let aspan = self.span(&attr);
                        let name = match self.attr_key(&attr, aspan)? {
                            AttrKey::Static(s, _) => s,
                            AttrKey::Dynamic(_) => {
                                return Err(
                                    self.err("dynamic attributes not allowed in inherit", aspan)
                                );
                            }
                        };
                        let value = match from_idx {
                            Some(i) => PendingValue::InheritFrom(i, name),
                            None => PendingValue::Inherited(name, aspan),
                        };
                        self.insert_static(into, name, value, aspan)?;
                    }
                    let _ = span;
                }
                ast::Entry::AttrpathValue(av) => {
                    let span = self.span(&av);
                    let path: Vec<ast::Attr> = av
                        .attrpath()
                        .map(|p| p.attrs().collect())
                        .unwrap_or_default();
                    let value = av
                        .value()
                        .ok_or_else(|| self.err("syntax error, missing value", span))?;
                    if path.is_empty() {
                        return Err(self.err("syntax error, missing attribute name", span));
                    }
                    self.insert_path(into, &path, value, span)?;
                }
            }
        }
        Ok(())
    }

    fn insert_static(
        &self,
        into: &mut Pending,
        name: Symbol,
        value: PendingValue,
        span: Span,
    ) -> Result<()> {
        if let Some((_, prev)) = into.statics.get(&name) {
            return Err(self.already_defined(name, span, *prev));
        }
        into.statics.insert(name, (value, span));
        Ok(())
    }

    fn already_defined(
        &self,
        name: Symbol,
        span: Span,
        prev: Span,
    ) -> Box<crate::error::EvalError> {
        self.already_defined_path(&[name], span, prev)
    }

    /// "attribute 'a.b.c' already defined": `names` after the sets being collected.
    fn already_defined_path(
        &self,
        names: &[Symbol],
        span: Span,
        prev: Span,
    ) -> Box<crate::error::EvalError> {
        let path = self
            .attr_prefix
            .iter()
            .chain(names)
            .map(|n| n.as_str())
            .collect::<Vec<_>>()
            .join(".");
        self.err(
            format!(
                "attribute '{path}' already defined at {}",
                self.describe_span(prev)
            ),
            span,
        )
    }

    /// Adds the bindings of the set literal `set` to `into`, the set an earlier binding
    /// of the same name made. As Nix 2.8, a name bound in both is an error given at the
    /// earlier binding, saying the later one's position (the reverse of other
    /// duplicates), and only the name itself.
    fn merge_literal(&mut self, set: &ast::AttrSet, into: &mut Pending) -> Result<()> {
        // The literal on its own first: a name it binds twice is an ordinary duplicate,
        // and its own `b.x = ...; b.y = ...;` are one name `b`.
        self.collect(set.entries(), &mut Pending::default())?;
        for entry in set.entries() {
            let names: Vec<(ast::Attr, Span)> = match &entry {
                ast::Entry::AttrpathValue(av) => av
                    .attrpath()
                    .and_then(|p| p.attrs().next())
                    .map(|a| (a, self.span(av)))
                    .into_iter()
                    .collect(),
                ast::Entry::Inherit(inh) => inh
                    .attrs()
                    .map(|a| {
                        let s = self.span(&a);
                        (a, s)
                    })
                    .collect(),
            };
            // Only names bound before the literal count (`into` is not changed yet).
            for (attr, span) in names {
                if let Some(name) = self.static_key(&attr, span)?
                    && let Some((_, prev)) = into.statics.get(&name)
                {
                    return Err(self.err(
                        format!(
                            "attribute '{name}' already defined at {}",
                            self.describe_span(span)
                        ),
                        *prev,
                    ));
                }
            }
        }
        self.collect(set.entries(), into)
    }

    /// Runs `f` on the bindings of a set literal merged into a path's set (`a = { ... }`
    /// with `a.b = ...`): Nix names what they define again relative to the literal.
    fn in_literal<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        let outer = std::mem::take(&mut self.attr_prefix);
        let r = f(self);
        self.attr_prefix = outer;
        r
    }

    /// Runs `f` with `name` as the innermost of [`Compiler`]'s `attr_prefix`.
    fn under<R>(&mut self, name: Symbol, f: impl FnOnce(&mut Self) -> R) -> R {
        self.attr_prefix.push(name);
        let r = f(self);
        self.attr_prefix.pop();
        r
    }

    fn describe_span(&self, s: Span) -> String {
        let text = self.source;
        let before = &text[..(s.start as usize).min(text.len())];
        let line = before.matches('\n').count() + 1;
        let col = before
            .rsplit('\n')
            .next()
            .map(|l| l.chars().count())
            .unwrap_or(0)
            + 1;
        let name = if self.dir_is_string() {
            "(string)".to_string()
        } else {
            self.file_name()
        };
        format!("{name}:{line}:{col}")
    }

    fn insert_path(
        &mut self,
        into: &mut Pending,
        path: &[ast::Attr],
        value: ast::Expr,
        span: Span,
    ) -> Result<()> {
        // Every attribute a binding creates is positioned at the binding, as in Nix.
        let aspan = span;
        // Only classify the key here: a dynamic key is compiled in `finish`, once the
        // scope of a `rec` set is in place (`rec { a.${c} = 1; c = "x"; }`).
        match self.static_key(&path[0], aspan)? {
            Some(name) => {
                if path.len() == 1 {
                    match into.statics.get_mut(&name) {
                        None => {
                            into.statics
                                .insert(name, (PendingValue::Expr(value), aspan));
                        }
                        Some((PendingValue::Nested(nested), _)) => match &value {
                            ast::Expr::AttrSet(set) => {
                                self.in_literal(|c| c.merge_literal(set, nested))?
                            }
                            _ => return Err(self.already_defined(name, aspan, aspan)),
                        },
                        // Two set literals for one name are merged (a Nix 2.8 quirk:
                        // `{ a = { b = 1; }; a = { c = 2; }; }` is `{ a = { b = 1; c = 2; }; }`).
                        // When the first is `rec`, the merged set is, the later literal's
                        // bindings too.
                        Some((PendingValue::Expr(ast::Expr::AttrSet(old)), prev))
                            if matches!(&value, ast::Expr::AttrSet(_)) =>
                        {
                            let (old, prev) = (old.clone(), *prev);
                            let ast::Expr::AttrSet(set) = &value else {
                                unreachable!("matched above")
                            };
                            let mut nested = Pending {
                                rec: old.rec_token().is_some(),
                                ..Pending::default()
                            };
                            self.in_literal(|c| {
                                c.collect(old.entries(), &mut nested)?;
                                c.merge_literal(set, &mut nested)
                            })?;
                            into.statics
                                .insert(name, (PendingValue::Nested(nested), prev));
                        }
                        Some((_, prev)) => {
                            let prev = *prev;
                            return Err(self.already_defined(name, aspan, prev));
                        }
                    }
                    return Ok(());
                }
                let slot = into
                    .statics
                    .entry(name)
                    .or_insert_with(|| (PendingValue::Nested(Pending::default()), aspan));
                if let PendingValue::Expr(ast::Expr::AttrSet(set)) = &slot.0 {
                    let set = set.clone();
                    let mut nested = Pending {
                        rec: set.rec_token().is_some(),
                        ..Pending::default()
                    };
                    self.in_literal(|c| c.collect(set.entries(), &mut nested))?;
                    slot.0 = PendingValue::Nested(nested);
                }
                match &mut slot.0 {
                    PendingValue::Nested(nested) => {
                        // Borrow dance: take the nested set out while recursing.
                        let mut n = std::mem::take(nested);
                        let r =
                            self.under(name, |c| c.insert_path(&mut n, &path[1..], value, span));
                        if let (PendingValue::Nested(slot_nested), _) =
                            into.statics.get_mut(&name).expect("just inserted")
                        {
                            *slot_nested = n;
                        }
                        r
                    }
                    _ => {
                        // `{ a = 1; a.b = 2; }`: Nix names the whole path being bound.
                        let prev = slot.1;
                        let mut names = vec![name];
                        names.extend(
                            path[1..]
                                .iter()
                                .map_while(|a| self.static_key(a, aspan).ok().flatten()),
                        );
                        Err(self.already_defined_path(&names, aspan, prev))
                    }
                }
            }
            None => {
                let v = if path.len() == 1 {
                    PendingValue::Expr(value)
                } else {
                    let mut nested = Pending::default();
                    self.insert_path(&mut nested, &path[1..], value, span)?;
                    PendingValue::Nested(nested)
                };
                into.dynamics.push((path[0].clone(), v, aspan));
                Ok(())
            }
        }
    }

    /// Compiles collected entries. The caller has pushed the recursive scope if `rec`.
    fn finish(&mut self, p: Pending, rec: bool) -> Result<AttrsDef> {
        let inherit_from = p
            .inherit_from
            .iter()
            .map(|e| self.compile(e))
            .collect::<Result<Vec<_>>>()?;
        let mut statics = Vec::with_capacity(p.statics.len());
        for (name, (value, span)) in p.statics {
            let value = self.finish_value(name, value, rec, span)?;
            statics.push(StaticAttr { name, value, span });
        }
        let mut dynamics = Vec::new();
        for (key, value, span) in p.dynamics {
            let key = match self.attr_key(&key, span)? {
                AttrKey::Static(s, _) => Rc::new(Expr::Lit(crate::value::Value::str(s.as_str()))),
                AttrKey::Dynamic(e) => e,
            };
            let value = match self.finish_value(Symbol::new(""), value, rec, span)? {
                AttrValue::Expr(e) => e,
                AttrValue::Nested(def) => Rc::new(Expr::Attrs(def, span)),
                _ => return Err(self.err("dynamic attributes not allowed in inherit", span)),
            };
            dynamics.push((key, value, span));
        }
        Ok(AttrsDef {
            rec,
            statics,
            inherit_from,
            dynamics,
        })
    }

    fn finish_value(
        &mut self,
        name: Symbol,
        value: PendingValue,
        rec: bool,
        span: Span,
    ) -> Result<AttrValue> {
        Ok(match value {
            PendingValue::Expr(ast::Expr::Lambda(l)) => {
                let span = self.span(&l);
                AttrValue::Expr(Rc::new(Expr::Lambda(self.lambda(&l, Some(name), span)?)))
            }
            PendingValue::Expr(e) => AttrValue::Expr(self.compile(&e)?),
            PendingValue::Inherited(n, span) => {
                // `inherit x;` reads `x` from the scope around the set, never the set itself.
                let saved = if rec { self.scopes.pop() } else { None };
                let r = self.resolve(n, span);
                if let Some(s) = saved {
                    self.scopes.push(s);
                }
                AttrValue::Inherited(Rc::new(Expr::Var(r?, span)))
            }
            PendingValue::InheritFrom(i, n) => AttrValue::InheritFrom(i, n),
            PendingValue::Nested(p) if p.rec => {
                // Compiled as the `rec` literal it began as.
                let names: Vec<Symbol> = p.statics.keys().copied().collect();
                self.push_scope(names.into_iter());
                self.constant_bindings(&p);
                let def = self.finish(p, true);
                self.scopes.pop();
                AttrValue::Expr(Rc::new(Expr::Attrs(Box::new(def?), span)))
            }
            PendingValue::Nested(p) => {
                let def = self.finish(p, false)?;
                if has_dynamics(&def) {
                    // Building it evaluates names: that must wait until the value is used.
                    AttrValue::Expr(Rc::new(Expr::Attrs(Box::new(def), span)))
                } else {
                    AttrValue::Nested(Box::new(def))
                }
            }
        })
    }

    /// The name of an attribute key when it is known without evaluation: an identifier, a
    /// string without interpolation, or `${"literal"}` (as Nix's parser decides).
    fn static_key(&mut self, a: &ast::Attr, span: Span) -> Result<Option<Symbol>> {
        let literal = |s: &ast::Str| {
            s.normalized_parts()
                .iter()
                .all(|p| matches!(p, rnix::ast::InterpolPart::Literal(_)))
        };
        let is_static = match a {
            ast::Attr::Ident(_) => true,
            ast::Attr::Str(s) => literal(s),
            ast::Attr::Dynamic(d) => matches!(d.expr(), Some(ast::Expr::Str(s)) if literal(&s)),
        };
        if !is_static {
            return Ok(None);
        }
        Ok(match self.attr_key(a, span)? {
            AttrKey::Static(s, _) => Some(s),
            AttrKey::Dynamic(_) => None,
        })
    }

    fn dir_is_string(&self) -> bool {
        self.file_label.is_none()
    }

    fn file_name(&self) -> String {
        self.file_label.clone().unwrap_or_default()
    }
}

/// True when building the set (or a set nested in it by attribute paths) evaluates names.
fn has_dynamics(def: &AttrsDef) -> bool {
    !def.dynamics.is_empty()
        || def
            .statics
            .iter()
            .any(|a| matches!(&a.value, AttrValue::Nested(d) if has_dynamics(d)))
}
