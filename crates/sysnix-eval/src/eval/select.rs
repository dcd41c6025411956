//! Selection: `e.a.b or d`, `e ? a.b`, and the attribute-name and "attribute missing"
//! helpers they share with `inherit (e) x` thunks.

use super::{Eval, attrs};
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
        let mut v = self.eval_operand(target, env)?;
        for (i, key) in path.iter().enumerate() {
            let name = self.attr_name(key, env, span)?;
            // The value is forced where it lies in the set (which `v` holds), without
            // a count taken on it for the purpose.
            let (forced, pos) = match &v {
                Value::Attrs(a) => match key_lookup(a, key, name) {
                    Some(attr) => {
                        let pos = attr.span();
                        // Nix forces the selected value at the attribute's definition.
                        let at = match pos {
                            Some(p) if i + 1 == path.len() => p,
                            _ => span,
                        };
                        (self.force_at(&attr.value, at), pos)
                    }
                    None => {
                        if let Some(d) = default {
                            return self.eval(d, env);
                        }
                        return Err(self.missing_attr(&v, name, span));
                    }
                },
                other => {
                    if let Some(d) = default {
                        return self.eval(d, env);
                    }
                    return Err(self.error(
                        format!("value is {} while a set was expected", other.type_desc()),
                        span,
                    ));
                }
            };
            v = match forced {
                Ok(v) => v,
                Err(err) => {
                    return Err(self.add_trace(
                        err,
                        || format!("while evaluating the attribute '{name}'"),
                        pos,
                    ));
                }
            };
        }
        Ok(v)
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
            let name = self.attr_name(key, env, span)?;
            match &v {
                Value::Attrs(a) => match key_lookup(a, key, name).map(|a| a.value.clone()) {
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
        match key {
            AttrKey::Static(s, _) => Ok(*s),
            AttrKey::Dynamic(e) => {
                let v = self.eval(e, env)?;
                let s = self.expect_string(&v, e.span().unwrap_or(span))?;
                attrs::no_store_context(&s)?;
                Ok(Symbol::new(s.as_str()))
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

/// Attribute `name` (the name of `key`) of `a`, through the key's lookup hint when static.
#[inline]
fn key_lookup<'a>(a: &'a Attrs, key: &AttrKey, name: Symbol) -> Option<&'a crate::value::Attr> {
    match key {
        AttrKey::Static(_, hint) => a.get_attr_hinted(name, hint),
        AttrKey::Dynamic(_) => a.get_attr(name),
    }
}
