//! Building attribute sets and `let` scopes from their compiled definitions.

use super::Eval;
use crate::compiler::{AttrValue, AttrsDef};
use crate::error::Result;
use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::{Attr, Attrs, Env, Thunk, ThunkState, Value};

impl Eval {
    /// Evaluates `{ ... }` / `rec { ... }` to a set whose values are suspended.
    #[inline(never)]
    pub(super) fn eval_attrs(&mut self, def: &AttrsDef, env: &Env, span: Span) -> Result<Value> {
        let value_env = if def.rec {
            Env::new(def.statics.len(), Some(env.clone()))
        } else {
            env.clone()
        };
        let attrs = self.build_attrs(def, &value_env, env, def.rec, span)?;
        Ok(Value::attrs(attrs))
    }

    /// Creates the scope of a `let` (every binding suspended in it).
    #[inline(never)]
    pub(super) fn let_env(&mut self, def: &AttrsDef, env: &Env) -> Result<Env> {
        let env2 = Env::new(def.statics.len(), Some(env.clone()));
        let from = self.inherit_sources(def, &env2);
        for (i, attr) in def.statics.iter().enumerate() {
            let v = self.attr_value(&attr.value, &from, &env2, env, attr.span)?;
            env2.set(i, v);
        }
        Ok(env2)
    }

    fn inherit_sources(&mut self, def: &AttrsDef, value_env: &Env) -> Vec<Value> {
        def.inherit_from
            .iter()
            .map(|e| self.delay(e, value_env))
            .collect()
    }

    fn attr_value(
        &mut self,
        v: &AttrValue,
        from: &[Value],
        value_env: &Env,
        outer: &Env,
        span: Span,
    ) -> Result<Value> {
        Ok(match v {
            AttrValue::Expr(e) => self.delay(e, value_env),
            AttrValue::Inherited(e) => self.delay(e, outer),
            AttrValue::InheritFrom(i, name) => Value::Thunk(Thunk::from_state(ThunkState::Select(
                Box::new((from[*i].clone(), *name, span)),
            ))),
            AttrValue::Nested(d) => {
                Value::attrs(self.build_attrs(d, value_env, value_env, false, span)?)
            }
        })
    }

    fn build_attrs(
        &mut self,
        def: &AttrsDef,
        value_env: &Env,
        outer: &Env,
        rec: bool,
        span: Span,
    ) -> Result<Attrs> {
        let from = self.inherit_sources(def, value_env);
        let mut items = Vec::with_capacity(def.statics.len() + def.dynamics.len());
        for (i, attr) in def.statics.iter().enumerate() {
            let v = self.attr_value(&attr.value, &from, value_env, outer, attr.span)?;
            if rec {
                value_env.set(i, v.clone());
            }
            items.push(Attr::new(attr.name, v, Some(attr.span)));
        }
        if def.dynamics.is_empty() {
            return Ok(Attrs::from_sorted(items).at(Some(span)));
        }
        for (key, value, aspan) in &def.dynamics {
            let k = self.eval(key, value_env)?;
            if matches!(k, Value::Null) {
                continue;
            }
            let name = match self.expect_string(&k, *aspan) {
                Ok(s) => {
                    no_store_context(&s)?;
                    Symbol::new(s.as_str())
                }
                Err(mut e) => {
                    e.span = None;
                    return Err(e);
                }
            };
            if let Some(prev) = items.iter().find(|a| a.name == name) {
                let at = prev.span().map(|s| self.pos_text(s)).unwrap_or_default();
                return Err(self.error(
                    format!("dynamic attribute '{name}' already defined at {at}"),
                    *aspan,
                ));
            }
            let v = self.delay(value, value_env);
            items.push(Attr::new(name, v, Some(*aspan)));
        }
        Ok(Attrs::from_unsorted(items, true).at(Some(span)))
    }
}

/// Nix refuses an attribute name that refers to a store path (a string with context).
pub(super) fn no_store_context(s: &crate::value::NixString) -> Result<()> {
    if let Some(first) = s.first_store_ref() {
        return Err(crate::error::EvalError::new(
            crate::error::ErrorKind::Eval,
            format!(
                "the string '{}' is not allowed to refer to a store path (such as '{}')",
                s.as_str(),
                first.encode()
            ),
            None,
        ));
    }
    Ok(())
}
