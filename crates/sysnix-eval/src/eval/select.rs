//! Selection: `e.a.b or d`, `e ? a.b`, and the attribute-name and "attribute missing"
//! helpers they share with `inherit (e) x` thunks.

use super::{Eval, attrs, eager};
use crate::compiler::{AttrKey, Expr};
use crate::error::{EvalError, Result};
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::{Attrs, Env, Value};
use std::rc::Rc;

impl Eval {
    #[inline(never)]
    pub(super) fn eval_select(&mut self, e: &Expr, env: &Env) -> Result<Value> {
        let Expr::Select(target, path, default, span) = e else {
            unreachable!("eval_select is given selections")
        };
        let (default, span) = (default.as_ref(), *span);
        self.check_stack(span)?;
        // The most common selections, `cfg.enable` and `config.services.x.enable`: static
        // names from a set a variable holds, through sets already evaluated. They are
        // read where the scope holds them (the scope outlives this call, and its slots
        // and finished thunks do not change), without a count taken on any. Where the
        // walk stops (a set not yet evaluated, a dynamic or missing name), the general
        // way goes on from there.
        let mut start = 0;
        // As Nix: an error once an attribute of the path was found gets one frame naming
        // the whole path, at the last attribute found.
        let mut found: Option<Option<Span>> = None;
        let mut v = match local_whnf(target, env) {
            Some(tv @ Value::Attrs(_)) => {
                let mut cur = tv;
                for (i, key) in path.iter().enumerate() {
                    let (Value::Attrs(set), AttrKey::Static(name, hint)) = (cur, key) else {
                        break;
                    };
                    let Some(attr) = set.get_attr_hinted(*name, hint) else {
                        break;
                    };
                    if i + 1 == path.len() {
                        let pos = attr.span();
                        return match self.force_at(&attr.value, pos.unwrap_or(span)) {
                            Ok(v) => Ok(v),
                            Err(err) => Err(self.path_trace(err, path, env, Some(pos))),
                        };
                    }
                    let Some(next) = eager::whnf(&attr.value) else {
                        break;
                    };
                    found = Some(attr.span());
                    cur = next;
                    start = i + 1;
                }
                cur.clone()
            }
            _ => self.eval_operand(target, env)?,
        };
        for (i, key) in path.iter().enumerate().skip(start) {
            let r = self.select_step(&v, key, i + 1 == path.len(), env, span, &mut found);
            v = match r {
                Ok(Ok(v)) => v,
                Ok(Err(name)) => {
                    if let Some(d) = default {
                        return self.eval(d, env);
                    }
                    let err = match &v {
                        Value::Attrs(_) => self.missing_attr(&v, name.symbol(), span),
                        other => self.error(
                            format!("value is {} while a set was expected", other.type_desc()),
                            span,
                        ),
                    };
                    return Err(self.path_trace(err, path, env, found));
                }
                Err(err) => return Err(self.path_trace(err, path, env, found)),
            };
        }
        Ok(v)
    }

    /// One step of a selection: attribute `key` of `v`, forced (at the attribute's
    /// definition when `last`), recording its position in `found`; `Err(name)` when `v`
    /// is not a set or has no such attribute.
    fn select_step(
        &mut self,
        v: &Value,
        key: &AttrKey,
        last: bool,
        env: &Env,
        span: Span,
        found: &mut Option<Option<Span>>,
    ) -> Result<std::result::Result<Value, Name>> {
        let name = self.key_name(key, env, span)?;
        let Value::Attrs(a) = v else {
            return Ok(Err(name));
        };
        let Some(attr) = key_lookup(a, key, &name) else {
            return Ok(Err(name));
        };
        let pos = attr.span();
        *found = Some(pos);
        // Nix forces the selected value at the attribute's definition. The value is
        // forced where it lies in the set (which `v` holds), without a count taken on it.
        let at = match pos {
            Some(p) if last => p,
            _ => span,
        };
        self.force_at(&attr.value, at).map(Ok)
    }

    /// `err` with the frame "while evaluating the attribute 'a.b'" at the last attribute
    /// found, if one was.
    #[cold]
    fn path_trace(
        &mut self,
        err: Box<EvalError>,
        path: &[AttrKey],
        env: &Env,
        found: Option<Option<Span>>,
    ) -> Box<EvalError> {
        let Some(pos) = found else {
            return err;
        };
        let mut names = Vec::with_capacity(path.len());
        for key in path {
            match self.attr_name(key, env, pos.unwrap_or_default()) {
                Ok(n) => names.push(n.as_str().to_string()),
                Err(_) => break,
            }
        }
        self.add_trace(
            err,
            || format!("while evaluating the attribute '{}'", names.join(".")),
            pos,
        )
    }

    #[inline(never)]
    pub(super) fn eval_has_attr(
        &mut self,
        target: &Rc<Expr>,
        path: &[AttrKey],
        env: &Env,
        span: Span,
    ) -> Result<Value> {
        let mut v = self.eval(target, env)?;
        for (i, key) in path.iter().enumerate() {
            let name = self.key_name(key, env, span)?;
            match &v {
                Value::Attrs(a) => match key_lookup(a, key, &name).map(|a| a.value.clone()) {
                    // Only the sets along the path are forced, not the last value.
                    Some(x) if i + 1 < path.len() => v = self.force(&x)?,
                    Some(_) => {}
                    None => return Ok(Value::Bool(false)),
                },
                _ => return Ok(Value::Bool(false)),
            }
        }
        Ok(Value::Bool(true))
    }

    pub(super) fn attr_name(&mut self, key: &AttrKey, env: &Env, span: Span) -> Result<Symbol> {
        Ok(self.key_name(key, env, span)?.symbol())
    }

    /// The name of `key`: a static name's symbol, or a dynamic name's text, not
    /// interned (a big set finds it by its text; others look its symbol up, and a name
    /// no symbol has is in no set).
    fn key_name(&mut self, key: &AttrKey, env: &Env, span: Span) -> Result<Name> {
        match key {
            AttrKey::Static(s, _) => Ok(Name::Symbol(*s)),
            AttrKey::Dynamic(e) => {
                let v = self.eval(e, env)?;
                let s = self.expect_string(&v, e.span().unwrap_or(span))?;
                attrs::no_store_context(&s)?;
                Ok(Name::Text(s))
            }
        }
    }

    /// `v.name`, forced; used by `inherit (e) name` thunks.
    pub(super) fn select_attr(&mut self, v: &Value, name: Symbol, span: Span) -> Result<Value> {
        let v = self.force(v)?;
        match &v {
            Value::Attrs(a) => match a.get(name) {
                Some(x) => self.force(&x.clone()),
                None => Err(self.missing_attr(&v, name, span)),
            },
            other => Err(self.error(
                format!("value is {} while a set was expected", other.type_desc()),
                span,
            )),
        }
    }

    /// "attribute 'x' missing", with Nix's "Did you mean" suggestions.
    pub fn missing_attr(&self, set: &Value, name: Symbol, span: Span) -> Box<EvalError> {
        let mut err = self.error(format!("attribute '{name}' missing"), span);
        if let Value::Attrs(a) = set {
            let names: Vec<&str> = a.iter().map(|a| a.name.as_str()).collect();
            if let Some(h) = crate::suggest::did_you_mean(name.as_str(), &names) {
                err.hints.push(h);
            }
        }
        err
    }
}

/// The evaluated value a variable holds, borrowed from its scope.
#[inline(always)]
fn local_whnf<'e>(e: &Expr, env: &'e Env) -> Option<&'e Value> {
    let Expr::Var(crate::compiler::VarRef::Local { depth, idx }, _) = e else {
        return None;
    };
    eager::whnf(env.get(*depth, *idx)?)
}

/// The name a selection step looks for (and, when it is not there, reports): a symbol,
/// or the text of a dynamic name, interned only if an error message needs it.
enum Name {
    Symbol(Symbol),
    Text(crate::value::NixString),
}

impl Name {
    fn symbol(self) -> Symbol {
        match self {
            Name::Symbol(s) => s,
            Name::Text(t) => Symbol::new(t.as_str()),
        }
    }
}

/// Attribute `name` (the name of `key`) of `a`, through the key's lookup hint when static.
#[inline]
fn key_lookup<'a>(a: &'a Attrs, key: &AttrKey, name: &Name) -> Option<&'a crate::value::Attr> {
    match (key, name) {
        (AttrKey::Static(_, hint), Name::Symbol(s)) => a.get_attr_hinted(*s, hint),
        (_, Name::Symbol(s)) => a.get_attr(*s),
        (_, Name::Text(t)) => a.get_attr_text(t.as_str()),
    }
}
