//! Type checks with Nix's error wording, and coercion of values to strings and paths
//! (string interpolation, `toString`, copying local paths to the store).

use super::Eval;
use crate::compiler::Expr;
use crate::error::Result;
use crate::source::Span;
use crate::value::Shared;
use crate::value::{Attrs, Context, ContextElem, Env, NixString, Value};
use std::rc::Rc;

/// How far coercion to a string goes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CoerceMode {
    /// `"${x}"` and `+`: strings, paths (copied to the store), sets with `__toString`/`outPath`.
    Interpolation,
    /// `toString` / `concatStringsSep`-like: also numbers, Booleans, null and lists; paths
    /// stay paths.
    ToString,
    /// Like `Interpolation` but paths are not copied to the store (`+` on a path).
    NoCopy,
    /// Derivation attributes: numbers, Booleans, null and lists as `ToString`, and paths
    /// copied to the store as `Interpolation` (Nix's coerceMore with copyToStore).
    DerivationAttr,
}

impl CoerceMode {
    /// Numbers, Booleans, null and lists are accepted too.
    fn coerces_more(self) -> bool {
        matches!(self, CoerceMode::ToString | CoerceMode::DerivationAttr)
    }

    /// Paths become store paths.
    fn copies_to_store(self) -> bool {
        matches!(self, CoerceMode::Interpolation | CoerceMode::DerivationAttr)
    }
}

impl Eval {
    fn type_error(&self, v: &Value, expected: &str, span: Span) -> Box<crate::error::EvalError> {
        self.error(
            format!("value is {} while {expected} was expected", v.type_desc()),
            span,
        )
    }

    /// Forces `v` and requires a Boolean.
    #[inline]
    pub fn expect_bool(&mut self, v: &Value, span: Span) -> Result<bool> {
        if let Value::Bool(b) = v {
            return Ok(*b);
        }
        match self.force_at(v, span)? {
            Value::Bool(b) => Ok(b),
            other => Err(self.type_error(&other, "a Boolean", span)),
        }
    }

    /// Forces `v` and requires an integer.
    #[inline]
    pub fn expect_int(&mut self, v: &Value, span: Span) -> Result<i64> {
        if let Value::Int(i) = v {
            return Ok(*i);
        }
        match self.force_at(v, span)? {
            Value::Int(i) => Ok(i),
            other => Err(self.type_error(&other, "an integer", span)),
        }
    }

    /// Forces `v` and requires a number, as a float.
    pub fn expect_number(&mut self, v: &Value, span: Span) -> Result<f64> {
        match self.force_at(v, span)? {
            Value::Int(i) => Ok(i as f64),
            Value::Float(f) => Ok(f),
            other => Err(self.type_error(&other, "a float", span)),
        }
    }

    /// Forces `v` and requires a string (no coercion).
    pub fn expect_string(&mut self, v: &Value, span: Span) -> Result<NixString> {
        self.force_at(v, span)?
            .into_string()
            .map_err(|other| self.type_error(&other, "a string", span))
    }

    /// Forces `v` and requires a set.
    pub fn expect_attrs(&mut self, v: &Value, span: Span) -> Result<Shared<Attrs>> {
        self.force_at(v, span)?
            .into_attrs()
            .map_err(|other| self.type_error(&other, "a set", span))
    }

    /// Forces `v` and requires a list.
    pub fn expect_list(&mut self, v: &Value, span: Span) -> Result<Shared<Vec<Value>>> {
        self.force_at(v, span)?
            .into_list()
            .map_err(|other| self.type_error(&other, "a list", span))
    }

    /// Forces `v` and requires a function.
    pub fn expect_function(&mut self, v: &Value, span: Span) -> Result<Value> {
        let f = self.force_at(v, span)?;
        match &f {
            Value::Lambda(_) | Value::PrimOp(_) | Value::PrimOpApp(_) => Ok(f),
            Value::Attrs(a) if a.get(self.syms.functor).is_some() => Ok(f),
            other => Err(self.type_error(other, "a function", span)),
        }
    }

    /// Coerces to a string and appends it to `out`, collecting context into `ctx`. A
    /// string value is copied once, straight into `out`.
    #[inline]
    pub fn coerce_append(
        &mut self,
        v: &Value,
        span: Span,
        mode: CoerceMode,
        ctx: &mut Context,
        out: &mut String,
    ) -> Result<()> {
        let v = self.force(v)?;
        // Strings, the common case, on a short path that inlines into callers.
        if let Value::String(s) = &v {
            if let Some(c) = s.context() {
                ctx.extend(c.iter().cloned());
            }
            out.push_str(s.as_str());
            return Ok(());
        }
        self.coerce_append_other(v, span, mode, ctx, out)
    }

    /// [`Self::coerce_append`] of a forced value that is not a string.
    #[inline(never)]
    fn coerce_append_other(
        &mut self,
        v: Value,
        span: Span,
        mode: CoerceMode,
        ctx: &mut Context,
        out: &mut String,
    ) -> Result<()> {
        // Lists and sets recurse: one that contains itself must end in an error.
        self.check_stack(span)?;
        match &v {
            Value::Path(p) => {
                if mode.copies_to_store() {
                    let sp = self.copy_path_to_store(p, span)?;
                    out.push_str(&sp);
                    ctx.insert(ContextElem::Opaque(sp));
                } else {
                    out.push_str(p);
                }
            }
            Value::Attrs(a) => {
                if let Some(f) = a.get(self.syms.to_string).cloned() {
                    let r = self.call(&f, v.clone(), span)?;
                    return self.coerce_append(&r, span, mode, ctx, out);
                }
                if let Some(o) = a.get(self.syms.out_path).cloned() {
                    return self.coerce_append(&o, span, mode, ctx, out);
                }
                return Err(self.error("cannot coerce a set to a string", span));
            }
            Value::Int(i) if mode.coerces_more() => out.push_str(itoa::Buffer::new().format(*i)),
            Value::Float(f) if mode.coerces_more() => {
                out.push_str(&crate::support::float::format_float_to_string(*f));
            }
            Value::Bool(b) if mode.coerces_more() => {
                if *b {
                    out.push('1');
                }
            }
            Value::Null if mode.coerces_more() => {}
            Value::List(l) if mode.coerces_more() => {
                for (i, x) in l.iter().enumerate() {
                    if i > 0 {
                        // Nix separates with a space, but not after an empty list element
                        // (forced already, by the previous round).
                        let prev_empty =
                            matches!(self.force(&l[i - 1])?, Value::List(ref p) if p.is_empty());
                        if !prev_empty {
                            out.push(' ');
                        }
                    }
                    self.coerce_append(x, span, mode, ctx, out)?;
                }
            }
            other => {
                return Err(self.error(
                    format!("cannot coerce {} to a string", other.type_desc()),
                    span,
                ));
            }
        }
        Ok(())
    }

    /// Coerces to a string with its context, sharing the value when it already is a
    /// string (`substring 0 1 big` must not copy `big`).
    pub fn coerce_shared(&mut self, v: &Value, span: Span, mode: CoerceMode) -> Result<NixString> {
        let v = match self.force(v)?.into_string() {
            Ok(s) => return Ok(s),
            Err(v) => v,
        };
        if let Value::Int(i) = v
            && mode.coerces_more()
        {
            return Ok(NixString::copy_of(itoa::Buffer::new().format(i)));
        }
        let mut ctx = Context::new();
        let s = self.coerce_to_string(&v, span, mode, &mut ctx)?;
        Ok(NixString::with_context(s, ctx))
    }

    /// Coerces to a string, collecting context into `ctx`.
    pub fn coerce_to_string(
        &mut self,
        v: &Value,
        span: Span,
        mode: CoerceMode,
        ctx: &mut Context,
    ) -> Result<String> {
        let v = self.force(v)?;
        // An integer needs no buffer of its own (`toString n`, `"${n}"`).
        if let Value::Int(i) = v
            && mode.coerces_more()
        {
            return Ok(itoa::Buffer::new().format(i).to_owned());
        }
        let mut out = String::new();
        self.coerce_append(&v, span, mode, ctx, &mut out)?;
        Ok(out)
    }

    /// Coerces to an absolute path string (`builtins.readFile "/x"` and paths alike).
    pub fn coerce_to_path(&mut self, v: &Value, span: Span) -> Result<(String, Context)> {
        let mut ctx = Context::new();
        let s = self.coerce_to_string(v, span, CoerceMode::NoCopy, &mut ctx)?;
        if !s.starts_with('/') {
            return Err(self.error(
                format!("string '{s}' doesn't represent an absolute path"),
                span,
            ));
        }
        Ok((s, ctx))
    }

    /// The store path a local path is copied to when interpolated (computed, not written:
    /// realising it belongs to the build step).
    pub fn copy_path_to_store(&mut self, path: &str, span: Span) -> Result<String> {
        if let Some(sp) = self.copied_paths.get(path) {
            return Ok(sp.clone());
        }
        let store = sysnix_store::path::StoreDir::new(&self.opts.store_dir);
        let name = path.rsplit('/').next().unwrap_or("").to_string();
        let sp = store
            .store_path_for_local_path(&name, std::path::Path::new(path))
            .map_err(|e| {
                self.error(
                    format!(
                        "getting status of '{path}': {}",
                        crate::builtins::io_error_text(&e)
                    ),
                    span,
                )
            })?;
        self.copied_paths.insert(path.to_string(), sp.clone());
        self.builtin_state.sources.insert(
            sp.clone(),
            crate::builtins::SourceRecord {
                local: path.to_string(),
                recursive: true,
                included: None,
            },
        );
        Ok(sp)
    }

    /// The empty buffer to build a string in, to be given back by
    /// [`Eval::finish_string`] (a build nested in this one gets a new buffer).
    #[inline]
    pub(super) fn take_string_buf(&mut self) -> String {
        std::mem::take(&mut self.string_buf)
    }

    /// The string built in `buf` (from [`Eval::take_string_buf`]) with context `ctx`;
    /// the buffer is kept for the next string when the string did not take it.
    #[inline]
    pub(super) fn finish_string(&mut self, mut buf: String, ctx: Context) -> NixString {
        let s = NixString::from_buffer(&mut buf, ctx);
        self.string_buf = buf;
        s
    }

    #[inline(never)]
    pub(super) fn interpolate(&mut self, parts: &[(Rc<Expr>, Span)], env: &Env) -> Result<Value> {
        let mut ctx = Context::new();
        let mut out = self.take_string_buf();
        for (p, at) in parts {
            if let Expr::Lit(Value::String(s)) = &**p {
                out.push_str(s.as_str());
                continue;
            }
            // `"${toString x}"`: `x` written straight into the string, as `toString`
            // would make it (no call, no string of its own).
            if let Some((arg, call)) = to_string_call(p) {
                let v = self.eval(arg, env)?;
                self.coerce_append(&v, call, CoerceMode::ToString, &mut ctx, &mut out)?;
                continue;
            }
            let v = self.eval(p, env)?;
            self.coerce_append(&v, *at, CoerceMode::Interpolation, &mut ctx, &mut out)?;
        }
        Ok(Value::String(self.finish_string(out, ctx)))
    }

    #[inline(never)]
    pub(super) fn path_interpolate(
        &mut self,
        parts: &[Rc<Expr>],
        env: &Env,
        span: Span,
    ) -> Result<Value> {
        let mut ctx = Context::new();
        let mut out = String::new();
        for p in parts {
            let v = self.eval(p, env)?;
            let s =
                self.coerce_to_string(&v, p.span().unwrap_or(span), CoerceMode::NoCopy, &mut ctx)?;
            out.push_str(&s);
        }
        if ctx.iter().any(|e| e.is_store_ref()) {
            return Err(self.error(
                "a path cannot refer to a store path through string interpolation",
                span,
            ));
        }
        Ok(Value::Path(Shared::new(crate::compiler::canon_path(&out))))
    }
}

/// The argument of a call of the builtin `toString` on one argument, and the call's
/// position (where `toString` reports its errors).
#[inline]
fn to_string_call(e: &Expr) -> Option<(&Rc<Expr>, Span)> {
    use crate::compiler::VarRef;
    let Expr::Call(f, args, span) = e else {
        return None;
    };
    let op = match &**f {
        Expr::Lit(Value::PrimOp(op)) | Expr::Var(VarRef::Global(Value::PrimOp(op)), _) => op,
        _ => return None,
    };
    match &args[..] {
        [arg] if op.name == "toString" => Some((arg, *span)),
        _ => None,
    }
}
