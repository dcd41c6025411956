//! Function application: lambdas (binding arguments, formals, curried calls), builtins
//! (partial application by arity) and `__functor` sets.

use super::profile::Frame;
use super::{Eval, MAX_TRACE};
use crate::compiler::{Expr, LambdaDef, Param};
use crate::error::{ErrorKind, Result};
use crate::source::Span;
use crate::value::Shared;
use crate::value::{Closure, Env, PrimOpApp, Value};
use smallvec::SmallVec;
use std::rc::Rc;

impl Eval {
    /// Applies `f` to one argument.
    pub fn call(&mut self, f: &Value, arg: Value, span: Span) -> Result<Value> {
        if let Value::Lambda(c) = f {
            self.check_stack(span)?;
            return self.call_lambda(c, arg, span);
        }
        // A builtin of one argument (`filter isList`, `map toString`, `all isString`)
        // is called at once, without `call_many`'s copy of its arguments.
        self.apply_args(f.clone(), [arg], span)
    }

    /// Applies `f` to two arguments, taken as they are (`call_many` copies them); the
    /// result is forced.
    pub fn call2(&mut self, f: &Value, a: Value, b: Value, span: Span) -> Result<Value> {
        let v = self.apply_args(f.clone(), [a, b], span)?;
        self.force(&v)
    }

    /// Applies `f` to several arguments in turn; the result is forced.
    pub fn call_many(&mut self, f: Value, args: &[Value], span: Span) -> Result<Value> {
        self.check_stack(span)?;
        let mut f = f;
        let mut rest = args;
        while !rest.is_empty() {
            f = self.force(&f)?;
            match &f {
                Value::Lambda(c) => {
                    // `f a b` where `f = x: y: ...`: each argument bound in turn, without
                    // the intermediate closures; what is left goes to the result.
                    return self.call_lambda_owned(c, rest.iter().cloned(), span);
                }
                Value::PrimOp(op) => {
                    let op = *op;
                    if let Some(p) = &mut self.profile {
                        p.primop(op.name);
                    }
                    if rest.len() >= op.arity {
                        let mut a: SmallVec<[Value; 4]> = SmallVec::from(&rest[..op.arity]);
                        rest = &rest[op.arity..];
                        f = self.call_primop(op, &mut a, span)?;
                    } else {
                        return Ok(Value::PrimOpApp(Shared::new(PrimOpApp {
                            op,
                            args: rest.to_vec(),
                        })));
                    }
                }
                Value::PrimOpApp(app) => {
                    let need = app.op.arity - app.args.len();
                    if rest.len() >= need {
                        // The arguments so far and the new ones, in one array made at
                        // its full length (on the stack for up to 8).
                        let a_len = app.args.len() + need;
                        let mut a: SmallVec<[Value; 8]> = SmallVec::with_capacity(a_len);
                        // Written in place: `extend` through the iterator adapters cost
                        // ~100 instructions a call (1% of the module benchmark's).
                        // SAFETY: the capacity is `a_len`; every slot below it is written
                        // once before the length is set, and cloning a value cannot unwind.
                        unsafe {
                            let p = a.as_mut_ptr();
                            for (i, v) in app.args.iter().chain(&rest[..need]).enumerate() {
                                p.add(i).write(v.clone());
                            }
                            a.set_len(a_len);
                        }
                        rest = &rest[need..];
                        let op = app.op;
                        f = self.call_primop(op, &mut a, span)?;
                    } else {
                        let mut a = Vec::with_capacity(app.args.len() + rest.len());
                        a.extend(app.args.iter().cloned());
                        a.extend(rest.iter().cloned());
                        return Ok(Value::PrimOpApp(Shared::new(PrimOpApp {
                            op: app.op,
                            args: a,
                        })));
                    }
                }
                Value::Attrs(a) if a.get(self.syms.functor).is_some() => {
                    let functor = a.get(self.syms.functor).cloned().unwrap_or(Value::Null);
                    let g = self.call_many(functor, &[f.clone()], span)?;
                    f = self.call_many(g, &[rest[0].clone()], span)?;
                    rest = &rest[1..];
                }
                other => {
                    return Err(self.error(
                        format!(
                            "attempt to call something which is not a function but {}",
                            other.type_desc()
                        ),
                        span,
                    ));
                }
            }
        }
        self.force(&f)
    }

    /// `f a b …` where `f` is a lambda, taking the arguments as they are: each is
    /// moved into its scope (no copy), and the intermediate closures of a curried
    /// lambda (`x: y: …`) are not built. Arguments left over when the body is done
    /// go to what it returned.
    #[inline(always)]
    pub(super) fn call_lambda_owned(
        &mut self,
        c: &Closure,
        mut rest: impl ExactSizeIterator<Item = Value>,
        span: Span,
    ) -> Result<Value> {
        let mut def: &Rc<LambdaDef> = &c.def;
        let first = rest.next().expect("a call has an argument");
        let mut env = self.bind_arg(def, &c.env, first, span)?;
        loop {
            match &*def.body {
                Expr::Lambda(inner) if rest.len() > 0 => {
                    let arg = rest.next().expect("checked above");
                    env = self.bind_arg(inner, &env, arg, span)?;
                    def = inner;
                }
                _ => break,
            }
        }
        let v = self.eval_body(def, &env, Some(span))?;
        if rest.len() == 0 {
            return Ok(v);
        }
        let left: SmallVec<[Value; 4]> = rest.collect();
        self.call_many(v, &left, span)
    }

    fn lambda_desc(&self, def: &LambdaDef) -> String {
        match def.name {
            Some(n) => format!("'{n}' at {}", self.pos_text(def.span)),
            None => format!("anonymous function at {}", self.pos_text(def.span)),
        }
    }

    #[inline(always)]
    pub(super) fn call_lambda(
        &mut self,
        c: &Shared<Closure>,
        arg: Value,
        span: Span,
    ) -> Result<Value> {
        let env = self.bind_arg(&c.def, &c.env, arg, span)?;
        self.eval_body(&c.def, &env, Some(span))
    }

    /// The scope of a call of the lambda `def` (closed over `scope`) with `arg`.
    #[inline]
    fn bind_arg(&mut self, def: &LambdaDef, scope: &Env, arg: Value, span: Span) -> Result<Env> {
        if let Some(p) = &mut self.profile {
            p.lambda(def.span);
        }
        Ok(match &def.param {
            Param::Ident(_) => Env::one(arg, Some(scope.clone())),
            Param::Formals {
                formals,
                ellipsis,
                at,
                ..
            } => {
                let argv = self.force(&arg)?;
                let attrs = match &argv {
                    Value::Attrs(a) => a.clone(),
                    other => {
                        return Err(self.error(
                            format!("value is {} while a set was expected", other.type_desc()),
                            span,
                        ));
                    }
                };
                let env = Env::new(def.slots as usize, Some(scope.clone()));
                let mut used = 0;
                for (i, (name, default)) in formals.iter().enumerate() {
                    match attrs.get(*name) {
                        Some(v) => {
                            used += 1;
                            env.set(i, v.clone());
                        }
                        None => match default {
                            Some(d) => {
                                let v = self.delay(d, &env);
                                env.set(i, v);
                            }
                            None => {
                                return Err(self.error(
                                    format!(
                                        "{} called without required argument '{name}'",
                                        self.lambda_desc(def)
                                    ),
                                    span,
                                ));
                            }
                        },
                    }
                }
                if !*ellipsis && used != attrs.len() {
                    for a in attrs.iter() {
                        if !formals.iter().any(|(n, _)| *n == a.name) {
                            return Err(self.error(
                                format!(
                                    "{} called with unexpected argument '{}'",
                                    self.lambda_desc(def),
                                    a.name
                                ),
                                span,
                            ));
                        }
                    }
                }
                if at.is_some() {
                    env.set(formals.len(), argv);
                }
                env
            }
        })
    }

    /// Evaluates a lambda's body in its call scope, adding the call's trace frames to errors.
    /// Without `call_site`, as Nix forcing a builtin's application, the "from call site"
    /// frame has no position.
    pub(super) fn eval_body(
        &mut self,
        def: &LambdaDef,
        env: &Env,
        call_site: Option<Span>,
    ) -> Result<Value> {
        let result = if cfg!(feature = "time-profile") && self.profile.is_some() {
            self.profiled(Frame::Lambda(def.span.file, def.span.start), |ev| {
                ev.eval(&def.body, env)
            })
        } else {
            self.eval(&def.body, env)
        };
        match result {
            Ok(v) => Ok(v),
            Err(err) => {
                if err.trace.len() >= MAX_TRACE || matches!(err.kind, ErrorKind::StackOverflow) {
                    return Err(err);
                }
                let what = match def.name {
                    Some(n) => format!("while evaluating '{n}'"),
                    None => "while evaluating anonymous lambda".to_string(),
                };
                let err = self.add_trace(err, || what, Some(def.span));
                Err(self.add_trace(err, || "from call site".into(), call_site))
            }
        }
    }
}
