//! The interpreter: evaluates compiled expressions to weak head normal form, forces thunks
//! (detecting infinite recursion by blackholing) and applies functions.

mod attrs;
mod call;
mod coerce;
mod eager;
mod force;
mod import;
mod ops;
mod prefetch;
mod profile;
mod select;

pub use coerce::CoerceMode;

use crate::compiler::{BinOp, Compiler, Expr, VarRef};
use crate::error::{ErrorKind, EvalError, Result, TraceFrame};
use crate::source::{Origin, SourceMap, Span};
use crate::symbol::Symbol;
use crate::value::Shared;
use crate::value::{AttrsBuilder, Closure, Env, Value};
use smallvec::SmallVec;
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::rc::Rc;

/// Settings of one evaluation.
#[derive(Clone, Debug)]
pub struct EvalOptions {
    /// The store directory paths are computed for (`/nix/store` by default).
    pub store_dir: String,
    /// Search path entries (`name=path` or `path`), `-I` ones first, then `NIX_PATH`'s.
    pub nix_path: Vec<String>,
    /// Search path entries the evaluator itself provides, as `(prefix, absolute dir)`:
    /// consulted after `nix_path` and not listed in `builtins.nixPath`.
    pub builtin_paths: Vec<(String, String)>,
    /// Keep and print "while evaluating" frames.
    pub show_trace: bool,
    /// `builtins.currentSystem`.
    pub current_system: String,
    /// The host's package database, for `pkgs`' host packages (`sysnix build`); `None`
    /// leaves the sysnix-only builtins out, as in C++ Nix.
    pub host_packages: Option<Rc<dyn crate::builtins::host::HostPackageDb>>,
    /// Provide `builtins.__sysnixMarkSecret` (for `lib.types.secret`), so a secret
    /// option's value that flows into a derivation or `toFile` is an error naming the
    /// option. Off by default, as in C++ Nix.
    pub track_secrets: bool,
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions {
            store_dir: "/nix/store".into(),
            nix_path: Vec::new(),
            builtin_paths: Vec::new(),
            show_trace: false,
            current_system: format!("{}-linux", std::env::consts::ARCH),
            host_packages: None,
            track_secrets: false,
        }
    }
}

/// Frequently used attribute names.
pub struct Syms {
    pub out_path: Symbol,
    pub type_: Symbol,
    pub functor: Symbol,
    pub to_string: Symbol,
    pub drv_path: Symbol,
    pub name: Symbol,
    pub value: Symbol,
    pub file: Symbol,
    pub line: Symbol,
    pub column: Symbol,
}

thread_local! {
    /// Lowest stack address evaluation may reach on this thread (0: unknown).
    static STACK_FLOOR: Cell<usize> = const { Cell::new(0) };
}

fn stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Runs `f` on a thread with a big stack so deep (but finite) recursion works; evaluation
/// reports "stack overflow" cleanly before the stack really runs out.
pub fn with_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    const SIZE: usize = 256 << 20;
    let handle = std::thread::Builder::new()
        .stack_size(SIZE)
        .spawn(move || {
            STACK_FLOOR.with(|s| s.set(stack_pointer().saturating_sub(SIZE - (4 << 20))));
            f()
        })
        .expect("spawning the evaluation thread");
    match handle.join() {
        Ok(v) => v,
        Err(p) => std::panic::resume_unwind(p),
    }
}

/// The evaluator: its sources, builtins, import cache and settings.
pub struct Eval {
    pub sources: SourceMap,
    /// Builtin names in scope everywhere (FxHash: the compiler looks up every free name).
    pub globals: rustc_hash::FxHashMap<Symbol, Value>,
    pub opts: EvalOptions,
    pub syms: Syms,
    /// Local paths referenced from strings (`"${./x}"`) and the store paths they map to.
    pub copied_paths: BTreeMap<String, String>,
    /// Per-evaluation state of the builtins (derivations, regexes, ...).
    pub builtin_state: crate::builtins::State,
    import_cache: HashMap<String, Value>,
    /// Parses files ahead on another core.
    prefetch: prefetch::Prefetcher,
    stack_floor: usize,
    /// Call counts for `SYSNIX_PROFILE_CALLS` (see [`profile`]).
    pub(crate) profile: Option<Box<profile::CallProfile>>,
    /// Attribute names made into string values (`attrNames`, the names `mapAttrs` and
    /// `zipAttrsWith` pass), each made once and shared: see [`Eval::name_value`].
    name_values: rustc_hash::FxHashMap<Symbol, Value>,
    /// The buffer strings are built in (interpolation, `+`): a short result is copied
    /// out and the buffer kept, a long one takes it (see [`NixString::from_buffer`]).
    /// Taken while in use ([`Eval::take_string_buf`]), so a nested build gets a buffer
    /// of its own.
    string_buf: String,
}

impl Drop for Eval {
    fn drop(&mut self) {
        if let Some(p) = self.profile.take() {
            p.report(self);
        }
        // What was put aside to free later (see `value::release`), while the values
        // the evaluator holds go when its fields are dropped, after this.
        crate::value::release::free_all();
    }
}

impl Eval {
    /// Ends the evaluator without freeing what it built (its caches, compiled files and
    /// every value still reachable), for a process about to exit, which returns all of
    /// it at once: freeing a large evaluation's heap value by value costs a few percent
    /// of its time. Prints the call profile, as dropping does.
    pub fn leak(mut self) {
        if let Some(p) = self.profile.take() {
            p.report(&self);
        }
        std::mem::forget(self);
    }
}

const MAX_TRACE: usize = 64;

impl Eval {
    /// A fresh evaluator with Nix's builtins.
    pub fn new(opts: EvalOptions) -> Eval {
        let floor = STACK_FLOOR.with(|s| s.get());
        let stack_floor = if floor != 0 {
            floor
        } else {
            stack_pointer().saturating_sub(1 << 20)
        };
        let syms = Syms {
            out_path: Symbol::new("outPath"),
            type_: Symbol::new("type"),
            functor: Symbol::new("__functor"),
            to_string: Symbol::new("__toString"),
            drv_path: Symbol::new("drvPath"),
            name: Symbol::new("name"),
            value: Symbol::new("value"),
            file: Symbol::new("file"),
            line: Symbol::new("line"),
            column: Symbol::new("column"),
        };
        let mut ev = Eval {
            sources: SourceMap::default(),
            globals: Default::default(),
            opts,
            syms,
            copied_paths: BTreeMap::new(),
            builtin_state: Default::default(),
            import_cache: HashMap::new(),
            prefetch: prefetch::Prefetcher::new(),
            stack_floor,
            profile: profile::CallProfile::from_env(),
            name_values: Default::default(),
            string_buf: String::new(),
        };
        crate::builtins::install(&mut ev);
        ev
    }

    /// Parses and compiles a source text. `scope` binds extra names (scopedImport) to
    /// slots of the environment the result must be evaluated in.
    pub fn compile(
        &mut self,
        origin: Origin,
        text: &str,
        dir: &Path,
        scope: Option<&[Symbol]>,
    ) -> Result<Rc<Expr>> {
        let label = match &origin {
            Origin::File(p) => Some(p.display().to_string()),
            _ => None,
        };
        let file = self.sources.add(origin, Rc::from(text));
        let mut c = Compiler::new(
            file,
            dir,
            text,
            crate::compiler::Globals::Eval(&self.globals),
            scope,
        );
        c.file_label = label;
        let compiled = c.compile_root();
        let paths = std::mem::take(&mut c.nix_paths);
        if compiled.is_ok() {
            self.request_prefetch(paths);
        }
        compiled
    }

    /// Asks the prefetch worker to compile `paths` (a compiled file's literal paths to
    /// `.nix` files) ahead, those not imported yet.
    fn request_prefetch(&mut self, paths: Vec<String>) {
        let (cache, globals, sources) = (&self.import_cache, &self.globals, &self.sources);
        self.prefetch
            .request(paths.into_iter().filter(|p| !cache.contains_key(p)), || {
                (
                    crate::compiler::PlainGlobalsSource::new(globals),
                    sources.ids(),
                )
            });
    }

    /// Evaluates an expression given as text (`-E`), relative paths resolving against `dir`.
    pub fn eval_string(&mut self, text: &str, dir: &Path) -> Result<Value> {
        let e = self.compile(Origin::String, text, dir, None)?;
        let env = Env::new(0, None);
        self.eval(&e, &env)
    }

    /// Evaluates a file (a directory means its `default.nix`), cached like `import`.
    pub fn eval_file(&mut self, path: &Path) -> Result<Value> {
        let abs = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir()
                .map(|d| d.join(path))
                .unwrap_or_else(|_| path.to_path_buf())
        };
        let v = self.import_path(&crate::compiler::canon_path(&abs.to_string_lossy()), None)?;
        self.force(&v)
    }

    /// The string value of an attribute name. Strings are immutable, so every use of a
    /// name shares one value: no allocation after the first, where a fresh string took
    /// two (and two frees), for each name `attrNames`, `mapAttrs` and the module
    /// builtins hand to Nix code. Names are as many as the program has, as Nix's symbol
    /// table holds them.
    #[inline]
    pub fn name_value(&mut self, name: Symbol) -> Value {
        self.name_values
            .entry(name)
            .or_insert_with(|| Value::str(name.as_str()))
            .clone()
    }

    /// An error at `span`.
    pub fn error(&self, msg: impl Into<String>, span: Span) -> Box<EvalError> {
        EvalError::new(ErrorKind::Eval, msg, Some(span))
    }

    /// Checks that the native stack has room for another level of evaluation.
    #[inline]
    pub(crate) fn check_stack(&self, _span: Span) -> Result<()> {
        if stack_pointer() < self.stack_floor {
            return Err(EvalError::new(
                ErrorKind::StackOverflow,
                "stack overflow (possible infinite recursion)",
                None,
            ));
        }
        Ok(())
    }

    /// Adds a "while evaluating" frame to an error on its way out (bounded in number).
    pub fn add_trace(
        &mut self,
        mut err: Box<EvalError>,
        message: impl FnOnce() -> String,
        span: Option<Span>,
    ) -> Box<EvalError> {
        if err.trace.len() < MAX_TRACE && !matches!(err.kind, ErrorKind::StackOverflow) {
            err.trace.push(TraceFrame {
                message: message(),
                span,
            });
        }
        err
    }

    /// Renders a position as Nix does inside messages: `(string):1:2` or `/path:1:2`.
    pub fn pos_text(&self, span: Span) -> String {
        let f = self.sources.file(span.file);
        let (l, c) = f.line_col(span.start);
        let name = match &f.origin {
            Origin::File(p) => p.display().to_string(),
            _ => "(string)".into(),
        };
        format!("{name}:{l}:{c}")
    }

    /// Evaluates `e` in `env` to weak head normal form.
    ///
    /// Every level of Nix recursion passes through here, so this is mostly a dispatch:
    /// literals and variables (the most frequent nodes) are read inline, and every
    /// other kind of node has a function of its own, out of line, so `eval`'s frame
    /// stays small and each kind of node pays only for its own locals. (Making the
    /// variable arm a call too cost more than the smaller frame saved.)
    pub fn eval(&mut self, e: &Rc<Expr>, env: &Env) -> Result<Value> {
        match &**e {
            Expr::Lit(v) => Ok(v.clone()),
            Expr::Var(VarRef::Local { depth, idx }, span) => {
                // Read the slot in place: no clone of a thunk just to force it.
                match env.get(*depth, *idx) {
                    Some(Value::Thunk(t)) => match t.0.done_value() {
                        Some(v) => Ok(v),
                        None => self.force_thunk_at(t, Some(*span)),
                    },
                    Some(v) => Ok(v.clone()),
                    None => Ok(Value::Null),
                }
            }
            Expr::Var(r, span) => self.eval_var(r, env, *span),
            Expr::Attrs(def, span) => self.eval_attrs(def, env, *span),
            Expr::List(items) => self.eval_list(items, env),
            Expr::Lambda(def) => self.eval_lambda(def, env),
            Expr::Call(..) => self.eval_call(e, env),
            Expr::Select(..) => self.eval_select(e, env),
            Expr::HasAttr(target, path, span) => self.eval_has_attr(target, path, env, *span),
            Expr::Let(def, body, _) => self.eval_let(def, body, env),
            Expr::With(ns, body, _) => self.eval_with(ns, body, env),
            Expr::If(..) => self.eval_if(e, env),
            Expr::Assert(c, body, text, span) => self.eval_assert_then(c, body, text, env, *span),
            Expr::Not(inner, span) => self.eval_not(inner, env, *span),
            Expr::Neg(inner, span) => self.eval_neg(inner, env, *span),
            Expr::BinOp(..) => self.binop(e, env),
            Expr::Interpolate(parts, _) => self.interpolate(parts, env),
            Expr::PathInterpolate(parts, span) => self.path_interpolate(parts, env, *span),
            Expr::CurPos(span) => self.eval_cur_pos(*span),
        }
    }

    /// [`Eval::eval`], with a variable bound to a known value read here without the
    /// call: for the operands of hot nodes (operators, the function of a call, the set
    /// of a selection, a condition), which are mostly variables.
    #[inline(always)]
    pub(crate) fn eval_operand(&mut self, e: &Rc<Expr>, env: &Env) -> Result<Value> {
        if let Expr::Var(VarRef::Local { depth, idx }, _) = &**e {
            match env.get(*depth, *idx) {
                Some(Value::Thunk(t)) => {
                    if let Some(v) = t.0.done_value() {
                        return Ok(v);
                    }
                }
                Some(v) => return Ok(v.clone()),
                None => {}
            }
        }
        self.eval(e, env)
    }

    /// [`Eval::eval_operand`] for an operator's right operand, which is often a literal
    /// (`n - 1`, `t == "merge"`), read here too.
    #[inline(always)]
    pub(crate) fn eval_right_operand(&mut self, e: &Rc<Expr>, env: &Env) -> Result<Value> {
        match &**e {
            Expr::Lit(v) => Ok(v.clone()),
            _ => self.eval_operand(e, env),
        }
    }

    #[inline(never)]
    fn eval_lambda(&mut self, def: &Rc<crate::compiler::LambdaDef>, env: &Env) -> Result<Value> {
        Ok(Value::Lambda(Shared::new(Closure {
            def: def.clone(),
            env: env.clone(),
        })))
    }

    #[inline(never)]
    fn eval_let(
        &mut self,
        def: &crate::compiler::AttrsDef,
        body: &Rc<Expr>,
        env: &Env,
    ) -> Result<Value> {
        let env2 = self.let_env(def, env)?;
        let v = self.eval(body, &env2);
        env2.release_unused_bindings();
        v
    }

    #[inline(never)]
    fn eval_with(&mut self, ns: &Rc<Expr>, body: &Rc<Expr>, env: &Env) -> Result<Value> {
        let nsv = self.delay(ns, env);
        let env2 = Env::one(nsv, Some(env.clone()));
        self.eval(body, &env2)
    }

    #[inline(never)]
    fn eval_if(&mut self, e: &Expr, env: &Env) -> Result<Value> {
        let Expr::If(c, t, f, span) = e else {
            unreachable!("eval_if is given conditionals")
        };
        let b = match self.eval_comparison(c, env)? {
            Some(b) => b,
            None => match self.eval_operand(c, env)? {
                Value::Bool(b) => b,
                other => self.expect_bool(&other, c.span().unwrap_or(*span))?,
            },
        };
        self.eval(if b { t } else { f }, env)
    }

    /// The truth of `c` if it is a comparison (the most common condition), decided
    /// without making its result a value: `n < 2`, `t == "merge"`. `None`: not one.
    #[inline(always)]
    pub(crate) fn eval_comparison(&mut self, c: &Expr, env: &Env) -> Result<Option<bool>> {
        let Expr::BinOp(
            op @ (BinOp::Eq | BinOp::NotEq | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge),
            l,
            r,
            ls,
            rs,
        ) = c
        else {
            return Ok(None);
        };
        let a = self.eval_operand(l, env)?;
        let b = self.eval_right_operand(r, env)?;
        match (&a, &b) {
            (Value::Int(x), Value::Int(y)) => {
                return Ok(Some(match op {
                    BinOp::Eq => x == y,
                    BinOp::NotEq => x != y,
                    BinOp::Lt => x < y,
                    BinOp::Le => x <= y,
                    BinOp::Gt => x > y,
                    _ => x >= y,
                }));
            }
            // Strings are equal when their text is (context does not count).
            (Value::String(x), Value::String(y)) if matches!(op, BinOp::Eq | BinOp::NotEq) => {
                return Ok(Some((x.as_str() == y.as_str()) == (*op == BinOp::Eq)));
            }
            _ => {}
        }
        match self.binop_values(*op, a, b, *ls, *rs)? {
            Value::Bool(b) => Ok(Some(b)),
            other => self.expect_bool(&other, *ls).map(Some),
        }
    }

    #[inline(never)]
    fn eval_assert_then(
        &mut self,
        c: &Rc<Expr>,
        body: &Rc<Expr>,
        text: &str,
        env: &Env,
        span: Span,
    ) -> Result<Value> {
        self.eval_assert(c, text, span, env)?;
        self.eval(body, env)
    }

    #[inline(never)]
    fn eval_var(&mut self, r: &VarRef, env: &Env, span: Span) -> Result<Value> {
        let v = self.lookup(r, env, span)?;
        self.force_at(&v, span)
    }

    #[inline(never)]
    fn eval_list(&mut self, items: &[Rc<Expr>], env: &Env) -> Result<Value> {
        Ok(Value::list(
            items.iter().map(|i| self.delay(i, env)).collect(),
        ))
    }

    #[inline(never)]
    fn eval_call(&mut self, e: &Expr, env: &Env) -> Result<Value> {
        let Expr::Call(f, args, span) = e else {
            unreachable!("eval_call is given calls")
        };
        let span = *span;
        let fv = match &**f {
            // A builtin (`isAttrs x`, `b.elemAt l n`): a constant of the compiler's.
            Expr::Lit(v) => v.clone(),
            _ => self.eval_operand(f, env)?,
        };
        if let ([arg], Value::Lambda(c)) = (&args[..], &fv) {
            // The common case: one argument to a lambda.
            self.check_stack(span)?;
            let arg = self.delay_arg(arg, env);
            return self.call_lambda(c, arg, span);
        }
        if let [a] = &args[..] {
            // One argument, mostly to a builtin (`isAttrs x`, `toString i`): in an array,
            // not a vector.
            let args = [self.delay_arg(a, env)];
            return self.apply_args(fv, args, span);
        }
        if let [a, b] = &args[..] {
            // Two arguments (`b.elemAt list n`, `foldl' f x`): in an array too.
            let args = [self.delay_arg(a, env), self.delay_arg(b, env)];
            return self.apply_args(fv, args, span);
        }
        self.eval_call_many(fv, args, env, span)
    }

    /// [`Eval::eval_call`] with three arguments or more: out of line, so that the
    /// common calls' frame, which deep recursion stacks once per level, stays small.
    #[inline(never)]
    fn eval_call_many(
        &mut self,
        fv: Value,
        args: &[Rc<Expr>],
        env: &Env,
        span: Span,
    ) -> Result<Value> {
        let args: SmallVec<[Value; 4]> = args.iter().map(|a| self.delay_arg(a, env)).collect();
        self.apply_args(fv, args, span)
    }

    /// The value of builtin `name`, kept in `cell` (see [`VarRef::Deferred`]).
    #[inline]
    pub(super) fn deferred_global(&self, name: Symbol, cell: &std::cell::OnceCell<Value>) -> Value {
        match cell.get() {
            Some(v) => v.clone(),
            None => self.first_deferred_global(name, cell),
        }
    }

    #[cold]
    #[inline(never)]
    fn first_deferred_global(&self, name: Symbol, cell: &std::cell::OnceCell<Value>) -> Value {
        cell.get_or_init(|| self.globals.get(&name).cloned().unwrap_or(Value::Null))
            .clone()
    }

    /// Runs the builtin `op` on `args` (exactly its arity).
    #[inline(always)]
    fn call_primop(
        &mut self,
        op: &'static crate::value::PrimOp,
        args: &mut [Value],
        span: Span,
    ) -> Result<Value> {
        if cfg!(feature = "time-profile") && self.profile.is_some() {
            return self.profiled(profile::Frame::Builtin(op.name), |ev| {
                (op.func)(ev, args, span)
            });
        }
        (op.func)(self, args, span)
    }

    /// Runs `f` as `frame` of the time profile (`SYSNIX_PROFILE_TIME`).
    #[cold]
    #[inline(never)]
    pub(super) fn profiled<T>(
        &mut self,
        frame: profile::Frame,
        f: impl FnOnce(&mut Eval) -> T,
    ) -> T {
        if let Some(p) = &mut self.profile {
            p.enter(frame);
        }
        let r = f(self);
        if let Some(p) = &mut self.profile {
            p.leave();
        }
        r
    }

    /// Applies `fv` to the arguments of a call, taking them as they are: a builtin
    /// given exactly its arguments and a lambda (curried or not) bind them without the
    /// copy `call_many` makes.
    #[inline]
    fn apply_args<A>(&mut self, fv: Value, mut args: A, span: Span) -> Result<Value>
    where
        A: AsMut<[Value]> + AsRef<[Value]> + IntoIterator<Item = Value>,
        A::IntoIter: ExactSizeIterator,
    {
        match &fv {
            Value::PrimOp(op) if op.arity == args.as_ref().len() => {
                self.check_stack(span)?;
                if let Some(p) = &mut self.profile {
                    p.primop(op.name);
                }
                let v = self.call_primop(op, args.as_mut(), span)?;
                self.force(&v)
            }
            Value::Lambda(c) => {
                self.check_stack(span)?;
                self.call_lambda_owned(c, args.into_iter(), span)
            }
            _ => self.call_many(fv, args.as_ref(), span),
        }
    }

    /// Checks the condition of `assert`: "assertion failed" when false.
    #[inline(never)]
    fn eval_assert(&mut self, c: &Rc<Expr>, text: &str, span: Span, env: &Env) -> Result<()> {
        let cv = self.eval(c, env)?;
        if self.expect_bool(&cv, c.span().unwrap_or(span))? {
            Ok(())
        } else {
            Err(EvalError::new(
                ErrorKind::Assert,
                format!("assertion '{text}' failed"),
                Some(span),
            ))
        }
    }

    #[inline(never)]
    fn eval_not(&mut self, inner: &Rc<Expr>, env: &Env, span: Span) -> Result<Value> {
        if let Some(b) = self.eval_comparison(inner, env)? {
            return Ok(Value::Bool(!b));
        }
        let v = self.eval(inner, env)?;
        // Nix 2.8 reports `!` type errors without a position.
        match self.expect_bool(&v, span) {
            Ok(b) => Ok(Value::Bool(!b)),
            Err(mut e) => {
                e.span = None;
                Err(e)
            }
        }
    }

    #[inline(never)]
    fn eval_neg(&mut self, inner: &Rc<Expr>, env: &Env, span: Span) -> Result<Value> {
        let v = self.eval(inner, env)?;
        self.arith(crate::compiler::BinOp::Sub, Value::Int(0), v, span, span)
    }

    #[inline(never)]
    fn eval_cur_pos(&mut self, span: Span) -> Result<Value> {
        let f = self.sources.file(span.file);
        let (line, col) = f.line_col(span.start);
        let file = match &f.origin {
            Origin::File(p) => Value::str(p.display().to_string()),
            _ => Value::str("«string»"),
        };
        let mut b = AttrsBuilder::with_capacity(3);
        b.insert(self.syms.file, file);
        b.insert(self.syms.line, Value::Int(line as i64));
        b.insert(self.syms.column, Value::Int(col as i64));
        Ok(Value::attrs(b.build()))
    }

    fn lookup(&mut self, r: &VarRef, env: &Env, span: Span) -> Result<Value> {
        match r {
            VarRef::Local { depth, idx } => Ok(env.lookup(*depth, *idx)),
            VarRef::Global(v) => Ok(v.clone()),
            VarRef::Deferred(name, v) => Ok(self.deferred_global(*name, v)),
            VarRef::With { name, withs, hint } => {
                for depth in withs {
                    let ns = env.ancestor(*depth).slots()[0]
                        .get()
                        .cloned()
                        .unwrap_or(Value::Null);
                    let ns = self.force(&ns)?;
                    match &ns {
                        Value::Attrs(a) => {
                            if let Some(a) = a.get_attr_hinted(*name, hint) {
                                return Ok(a.value.clone());
                            }
                        }
                        other => {
                            return Err(EvalError::new(
                                ErrorKind::Eval,
                                format!("value is {} while a set was expected", other.type_desc()),
                                None,
                            ));
                        }
                    }
                }
                Err(self.error(format!("undefined variable '{name}'"), span))
            }
        }
    }
}
