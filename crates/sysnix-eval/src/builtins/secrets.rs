//! Secrets that must never reach the store. `lib.types.secret` marks the value of a
//! secret option with `builtins.__sysnixMarkSecret`; the mark travels with the string
//! (and every string built from it) as a [`ContextElem::Secret`] context element, and
//! `derivationStrict` and `toFile` refuse a string that carries one, naming the option.
//! Present only when `EvalOptions::track_secrets` is set (`sysnix build` and the verbs that
//! build); C++ Nix and plain `sysnix eval` do not have the builtin, so `lib` falls back to
//! the identity.

use crate::error::{EvalError, Result};
use crate::eval::Eval;
use crate::source::Span;
use crate::value::{ContextElem, NixString, PrimOp, Value};

/// `builtins.__sysnixMarkSecret what value`: the value, and if it is a string, that string
/// marked as the secret `what` describes.
fn mark_secret(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let what = ev.expect_string(&a[0], span)?.as_str().to_string();
    let v = ev.force(&a[1])?;
    Ok(match &v {
        Value::String(s) => {
            let mut ctx = s.context().cloned().unwrap_or_default();
            ctx.insert(ContextElem::Secret(what));
            Value::String(NixString::with_context(s.as_str().to_string(), ctx))
        }
        _ => v,
    })
}

/// The error for a secret about to be written to the store: `into` says where
/// ("attribute 'text' of derivation 'foo'", "the file 'bar' (builtins.toFile)").
pub fn leak_error(ev: &Eval, what: &str, into: &str, span: Span) -> Box<EvalError> {
    ev.error(
        format!(
            "the secret {what} would be written to the world-readable store: it flows into {into}.\n\
             Keep secrets out of the configuration's store paths: point the service at a file \
             instead (a `…File` option such as `passwordFile`), or hand it over as a systemd \
             credential (`systemd.services.<name>.credentials`) or a key (`deployment.keys.<name>`)"
        ),
        span,
    )
}

/// Installed into `builtins` only when secrets are tracked.
pub static PRIMOPS: &[PrimOp] = &[PrimOp {
    name: "__sysnixMarkSecret",
    arity: 2,
    func: mark_secret,
    eager: None,
}];
