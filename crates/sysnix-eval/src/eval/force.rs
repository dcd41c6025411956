//! Forcing: a thunk to weak head normal form (blackholing what is being evaluated,
//! running suspended applications and the module builtins' native calls), and a value
//! with everything inside it (`deepSeq`, `--strict`).

use super::Eval;
use crate::error::{ErrorKind, EvalError, Result};
use crate::source::Span;
use crate::value::{NativeCall, Shared, Thunk, ThunkState, Value};
use smallvec::SmallVec;

impl Eval {
    /// Forces a value to weak head normal form.
    #[inline]
    pub fn force(&mut self, v: &Value) -> Result<Value> {
        match v {
            Value::Thunk(t) => self.force_thunk(t),
            other => Ok(other.clone()),
        }
    }

    fn force_thunk(&mut self, t: &Thunk) -> Result<Value> {
        self.force_thunk_at(t, None)
    }

    /// Forces a value on behalf of the expression at `pos`: infinite recursion is reported
    /// there, as Nix does (a variable, the attribute selected, the builtin's call).
    #[inline]
    pub fn force_at(&mut self, v: &Value, pos: Span) -> Result<Value> {
        match v {
            Value::Thunk(t) => self.force_thunk_at(t, Some(pos)),
            other => Ok(other.clone()),
        }
    }

    pub(super) fn force_thunk_at(&mut self, t: &Thunk, pos: Option<Span>) -> Result<Value> {
        let state = {
            let mut cell = t.0.borrow_mut();
            match &*cell {
                ThunkState::Done(v) => return Ok(v.clone()),
                ThunkState::Blackhole(span) => {
                    return Err(EvalError::new(
                        ErrorKind::InfiniteRecursion,
                        "infinite recursion encountered",
                        Some(pos.unwrap_or(*span)),
                    ));
                }
                ThunkState::Suspended(e, _) => {
                    let span = e.span().unwrap_or_default();
                    std::mem::replace(&mut *cell, ThunkState::Blackhole(span))
                }
                ThunkState::Apply(app) => {
                    let (f, x, span) = &**app;
                    // Like Nix 2.8, a pending application is not blackholed: forcing it
                    // again re-enters the call, and recursion is caught (and positioned)
                    // at the first ordinary thunk on the cycle.
                    let (f, x, span) = (f.clone(), x.clone(), *span);
                    drop(cell);
                    return self.force_application(t, f, x, span);
                }
                ThunkState::Body(def, env) => {
                    // As `Apply`: not blackholed.
                    let (def, env) = (def.clone(), env.clone());
                    drop(cell);
                    return self.force_body(t, def, env);
                }
                ThunkState::Apply2(app) => {
                    // As `Apply`, with both arguments bound in one call.
                    let (f, x, y, span) = &**app;
                    let (f, x, y, span) = (f.clone(), x.clone(), y.clone(), *span);
                    drop(cell);
                    return self.force_application2(t, f, x, y, span);
                }
                ThunkState::ApplyName(call, name) => {
                    // As `Apply` (not blackholed), with the argument made now.
                    let (f, x, span) = (call.0.clone(), self.name_value(*name), call.1);
                    drop(cell);
                    return self.force_application(t, f, x, span);
                }
                ThunkState::Select(sel) => {
                    let span = sel.2;
                    std::mem::replace(&mut *cell, ThunkState::Blackhole(span))
                }
                ThunkState::Native(call) => {
                    // As `Apply`: not blackholed. Its arguments are copied out of line:
                    // this frame, which deep recursion stacks once per level, stays small
                    // (an array of eight values here took 136 of its 536 bytes).
                    let call: *const NativeCall<[Value]> = &**call;
                    drop(cell);
                    // SAFETY: the call is the thunk's, which `t` keeps alive, and
                    // nothing runs before `force_native` copies out of it.
                    return unsafe { self.force_native(t, call) };
                }
            }
        };
        let result = match &state {
            ThunkState::Suspended(e, env)
                if cfg!(feature = "time-profile") && self.profile.is_some() =>
            {
                let span = e.span().unwrap_or_default();
                let frame = super::profile::Frame::Thunk(span.file, span.start);
                self.profiled(frame, |ev| ev.eval(e, env))
            }
            ThunkState::Suspended(e, env) => self.eval(e, env),
            ThunkState::Select(sel) => self.select_attr(&sel.0, sel.1, sel.2),
            _ => unreachable!("only runnable states are taken"),
        };
        let result = match result {
            Ok(Value::Thunk(ref inner)) => self.force_thunk(inner),
            other => other,
        };
        match result {
            Ok(v) => {
                t.0.finish(v.clone());
                Ok(v)
            }
            Err(e) => {
                // As Nix does: the thunk can be forced again (and fail again).
                *t.0.borrow_mut() = state;
                Err(e)
            }
        }
    }

    #[inline(never)]
    fn force_application2(
        &mut self,
        t: &Thunk,
        f: Value,
        x: Value,
        y: Value,
        span: Span,
    ) -> Result<Value> {
        let v = self.call2(&f, x, y, span)?;
        Ok(settle(t, v))
    }

    /// Forces a thunk holding the native call `call`.
    ///
    /// Safety: `call` is `t`'s, alive, and not borrowed mutably.
    #[inline(never)]
    unsafe fn force_native(
        &mut self,
        t: &Thunk,
        call: *const NativeCall<[Value]>,
    ) -> Result<Value> {
        let (op, args, span) = {
            // SAFETY: as the caller promises; the copy is made before anything runs.
            let call = unsafe { &*call };
            let args: SmallVec<[Value; 8]> = call.args.iter().cloned().collect();
            (call.op, args, call.span)
        };
        let v = self.apply_args(Value::PrimOp(op), args, span)?;
        Ok(settle(t, v))
    }

    #[inline(never)]
    fn force_body(
        &mut self,
        t: &Thunk,
        def: std::rc::Rc<crate::compiler::LambdaDef>,
        env: crate::value::Env,
    ) -> Result<Value> {
        self.check_stack(def.span)?;
        if let Some(p) = &mut self.profile {
            p.lambda(def.span);
        }
        // No call site: as Nix forcing an application a builtin made (`noPos`).
        let v = self.eval_body(&def, &env, None)?;
        let v = self.force(&v)?;
        Ok(settle(t, v))
    }

    #[inline(never)]
    fn force_application(&mut self, t: &Thunk, f: Value, x: Value, span: Span) -> Result<Value> {
        let v = self.call(&f, x, span)?;
        let v = self.force(&v)?;
        Ok(settle(t, v))
    }

    /// Forces a value and everything inside it (`deepSeq`, `--strict`). Shared sets and
    /// lists are visited once.
    pub fn force_deep(&mut self, v: &Value) -> Result<Value> {
        let v = self.force(v)?;
        let mut seen = rustc_hash::FxHashSet::default();
        self.force_deep_inner(&v, &mut seen)?;
        Ok(v)
    }

    fn force_deep_inner(
        &mut self,
        v: &Value,
        seen: &mut rustc_hash::FxHashSet<usize>,
    ) -> Result<()> {
        self.check_stack(Span::default())?;
        match v {
            Value::Attrs(a) => {
                if !seen.insert(Shared::as_ptr(a) as usize) {
                    return Ok(());
                }
                for attr in a.iter() {
                    let forced = self
                        .force(&attr.value)
                        .and_then(|x| self.force_deep_inner(&x, seen));
                    if let Err(e) = forced {
                        let name = attr.name;
                        return Err(self.add_trace(
                            e,
                            || format!("while evaluating the attribute '{name}'"),
                            attr.span(),
                        ));
                    }
                }
            }
            Value::List(l) => {
                if !seen.insert(Shared::as_ptr(l) as usize) {
                    return Ok(());
                }
                for x in l.iter() {
                    let x = self.force(x)?;
                    self.force_deep_inner(&x, seen)?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// Stores the value of an application that finished (one of the states forced without
/// a blackhole, so the state it replaces is still there) and returns it.
#[inline(always)]
fn settle(t: &Thunk, v: Value) -> Value {
    *t.0.borrow_mut() = ThunkState::Done(v.clone());
    v
}
