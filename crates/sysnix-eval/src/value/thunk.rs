//! Thunks (suspended computations, evaluated at most once) and environments.

use super::cell::{Counts, ThunkCell, ThunkPtr};
use super::{Closure, Shared, Value};
use crate::compiler::Expr;
use crate::source::Span;
use std::alloc::Layout;
use std::cell::OnceCell;
use std::ptr::NonNull;
use std::rc::Rc;

/// What a thunk holds.
pub enum ThunkState {
    /// An expression to evaluate in an environment.
    Suspended(Rc<Expr>, Env),
    /// A function application to perform (used by builtins such as `map`). Boxed, like
    /// `Select`, to keep every thunk small: most thunks are `Suspended`.
    Apply(Box<(Value, Value, Span)>),
    /// `f x y` to perform (`mapAttrs` and `zipAttrsWith` call `f name value`): one thunk
    /// where `Apply` of `Apply` took two, and a curried `f` binds both arguments at once,
    /// without the closure `f x` would make.
    Apply2(Box<(Value, Value, Value, Span)>),
    /// `f "name"`, the string made only when forced (`__sysnixHostPackageSet` makes tens of
    /// thousands of these and forces a handful).
    /// The function and the call's position are shared by all such thunks.
    ApplyName(Rc<(Value, Span)>, crate::symbol::Symbol),
    /// `f x` where `f` is a lambda of one plain parameter (`y: ...`, as `map` and
    /// `genList` are mostly given): its body, in the call's scope made now. One
    /// allocation, the scope, which the call would make anyway, where `Apply` also took
    /// a box and copies of `f` and `x`. Not blackholed, as `Apply`.
    Body(Rc<crate::compiler::LambdaDef>, Env),
    /// A selection `value.name` to perform (used by `inherit (e) x`).
    Select(Box<(Value, crate::symbol::Symbol, Span)>),
    /// A builtin applied to all its arguments, to run when forced (the module builtins
    /// defer most of their results this way): one allocation, where `Apply` of a partial
    /// application took three (the application, the partial one and its arguments).
    /// Not blackholed, as `Apply`.
    Native(Box<NativeCall<[Value]>>),
    /// Being evaluated right now: forcing it again is infinite recursion.
    Blackhole(Span),
    /// Evaluated.
    Done(Value),
}

/// The call a [`ThunkState::Native`] thunk makes: `op` applied to `args` (as many as its
/// arity), with `span` as the call's position. Made at a fixed length
/// ([`Thunk::native`]) and used through the unsized `[Value]`.
pub struct NativeCall<A: ?Sized> {
    pub op: &'static super::PrimOp,
    pub span: Span,
    pub args: A,
}

/// A shared, lazily evaluated value.
#[derive(Clone)]
#[repr(transparent)]
pub struct Thunk(pub ThunkPtr);

impl Thunk {
    /// A suspended expression.
    #[inline]
    pub fn new(expr: Rc<Expr>, env: Env) -> Thunk {
        Thunk::from_state(ThunkState::Suspended(expr, env))
    }

    /// A suspended application `f x` (a [`ThunkState::Body`] when `f` is a lambda of
    /// one plain parameter).
    pub fn apply(f: Value, x: Value, span: Span) -> Thunk {
        if let Some(c) = known_lambda(&f)
            && let crate::compiler::Param::Ident(_) = c.def.param
        {
            let env = Env::one(x, Some(c.env.clone()));
            return Thunk::from_state(ThunkState::Body(c.def.clone(), env));
        }
        Thunk::from_state(ThunkState::Apply(Box::new((f, x, span))))
    }

    /// A suspended application `f x y`.
    pub fn apply2(f: Value, x: Value, y: Value, span: Span) -> Thunk {
        // `x: y: body`: the body in both scopes, made now, as `apply` does.
        if let Some(c) = known_lambda(&f)
            && let crate::compiler::Param::Ident(_) = c.def.param
            && let Expr::Lambda(inner) = &*c.def.body
            && let crate::compiler::Param::Ident(_) = inner.param
        {
            let env = Env::one(x, Some(c.env.clone()));
            let env = Env::one(y, Some(env));
            return Thunk::from_state(ThunkState::Body(inner.clone(), env));
        }
        Thunk::from_state(ThunkState::Apply2(Box::new((f, x, y, span))))
    }

    /// `op` applied to `args`, run when forced; `args` are exactly `op`'s arity.
    #[inline]
    pub fn native<const N: usize>(
        op: &'static super::PrimOp,
        args: [Value; N],
        span: Span,
    ) -> Thunk {
        debug_assert_eq!(op.arity, N, "{}", op.name);
        let call: Box<NativeCall<[Value]>> = Box::new(NativeCall { op, span, args });
        Thunk::from_state(ThunkState::Native(call))
    }

    /// A suspended application of `f` to the string `name`.
    pub fn apply_name(call: Rc<(Value, Span)>, name: crate::symbol::Symbol) -> Thunk {
        Thunk::from_state(ThunkState::ApplyName(call, name))
    }

    /// A thunk in `state`, known to the cycle collector ([`super::gc`]).
    #[inline]
    pub fn from_state(state: ThunkState) -> Thunk {
        let t = ThunkPtr::new(ThunkCell::new(state));
        super::gc::register(&t);
        Thunk(t)
    }

    /// The value, if already evaluated.
    pub fn value(&self) -> Option<Value> {
        match &*self.0.borrow() {
            ThunkState::Done(v) => Some(v.clone()),
            _ => None,
        }
    }

    /// Identity, for the printer's «repeated» detection.
    pub fn ptr(&self) -> *const () {
        self.0.as_ptr() as *const ()
    }
}

/// A runtime scope: the values of one `let`, `rec`, lambda or `with`, and the enclosing
/// scope. A counted handle to one allocation, the header then the slots: a one-slot
/// scope (a lambda's argument) takes 40 bytes, and a scope of any size one allocation
/// (an `Rc` of a header and a vector took 64 bytes, and a second allocation past two
/// slots). Calls make a scope each, so this is most of what an evaluation allocates
/// after thunks.
#[repr(transparent)]
pub struct Env(NonNull<EnvHeader>);

#[repr(C)]
pub(crate) struct EnvHeader {
    pub(crate) counts: Counts,
    len: u32,
    parent: Option<Env>,
    // Followed by `len` slots.
}

impl Env {
    fn layout(n: usize) -> (Layout, usize) {
        Layout::new::<EnvHeader>()
            .extend(Layout::array::<OnceCell<Value>>(n).expect("scope size"))
            .expect("scope size")
    }

    /// A scope with `n` slots, filled by `fill`.
    #[inline]
    fn make(n: usize, parent: Option<Env>, fill: impl FnOnce(*mut OnceCell<Value>)) -> Env {
        super::release::allocating();
        let (layout, offset) = Self::layout(n);
        debug_assert_eq!(offset, std::mem::size_of::<EnvHeader>());
        // SAFETY: the layout is non-zero in size (the header); the header is written
        // before anything reads it and `fill` writes all `n` slots.
        unsafe {
            const {
                assert!(std::mem::align_of::<EnvHeader>() <= 8);
                assert!(std::mem::align_of::<OnceCell<Value>>() <= 8);
            };
            let p = if layout.size() == super::pool::BLOCK {
                super::pool::alloc().as_ptr() as *mut EnvHeader
            } else {
                std::alloc::alloc(layout) as *mut EnvHeader
            };
            if p.is_null() {
                std::alloc::handle_alloc_error(layout);
            }
            p.write(EnvHeader {
                counts: Counts::one(),
                len: u32::try_from(n).expect("fewer than 2^32 slots"),
                parent,
            });
            fill(p.add(1) as *mut OnceCell<Value>);
            Env(NonNull::new_unchecked(p))
        }
    }

    /// A scope with `n` unset slots.
    #[inline]
    pub fn new(n: usize, parent: Option<Env>) -> Env {
        Env::make(n, parent, |slots| {
            for i in 0..n {
                // SAFETY: `make` gives room for `n` slots.
                unsafe { slots.add(i).write(OnceCell::new()) };
            }
        })
    }

    /// A scope with one slot, set (a lambda's argument, a `with`'s set).
    #[inline]
    pub fn one(value: Value, parent: Option<Env>) -> Env {
        // SAFETY: `make` gives room for one slot.
        Env::make(1, parent, |slots| unsafe {
            slots.write(OnceCell::from(value))
        })
    }

    /// A scope with its slots set.
    pub fn with_values(values: Vec<Value>, parent: Option<Env>) -> Env {
        let n = values.len();
        Env::make(n, parent, |slots| {
            for (i, v) in values.into_iter().enumerate() {
                // SAFETY: `make` gives room for `n` slots.
                unsafe { slots.add(i).write(OnceCell::from(v)) };
            }
        })
    }

    #[inline]
    fn header(&self) -> &EnvHeader {
        // SAFETY: a handle keeps its allocation alive.
        unsafe { self.0.as_ref() }
    }

    /// The slots.
    #[inline]
    pub fn slots(&self) -> &[OnceCell<Value>] {
        let h = self.header();
        // SAFETY: `len` initialised slots follow the header.
        unsafe {
            std::slice::from_raw_parts(
                (self.0.as_ptr() as *const EnvHeader).add(1) as *const OnceCell<Value>,
                h.len as usize,
            )
        }
    }

    /// The enclosing scope.
    #[inline]
    pub fn parent(&self) -> Option<&Env> {
        self.header().parent.as_ref()
    }

    /// Sets slot `i` (once).
    pub fn set(&self, i: usize, v: Value) {
        let _ = self.slots()[i].set(v);
    }

    /// The value in slot `idx`, `depth` scopes up, if set yet.
    #[inline(always)]
    pub fn get(&self, depth: u32, idx: u32) -> Option<&Value> {
        self.ancestor(depth).slots()[idx as usize].get()
    }

    /// The value in slot `idx`, `depth` scopes up.
    #[inline]
    pub fn lookup(&self, depth: u32, idx: u32) -> Value {
        self.get(depth, idx).cloned().unwrap_or(Value::Null)
    }

    /// Called when a `let` body has been evaluated. A binding never forced still holds the
    /// scope (thunk → scope → thunk): a cycle reference counting cannot free. When nothing
    /// but those bindings refers to the scope, nothing can force them any more, so their
    /// suspended expressions are dropped, which breaks the cycle and frees the scope.
    pub fn release_unused_bindings(&self) {
        let self_refs = self
            .slots()
            .iter()
            .filter(|s| self_ref(self, s).is_some())
            .count();
        // One reference is the caller's own handle.
        if self_refs == 0 || self.strong_count() != 1 + self_refs {
            return;
        }
        for t in self.slots().iter().filter_map(|s| self_ref(self, s)) {
            *t.0.borrow_mut() = ThunkState::Done(Value::Null);
        }
    }

    /// The scope `depth` levels up.
    #[inline]
    pub fn ancestor(&self, depth: u32) -> &Env {
        let mut env: &Env = self;
        for _ in 0..depth {
            env = env.parent().expect("compiler resolved scope depth");
        }
        env
    }

    /// Number of handles to this scope.
    #[inline]
    pub fn strong_count(&self) -> usize {
        self.header().counts.strong()
    }

    /// Whether two handles are to the same scope.
    #[inline]
    pub fn ptr_eq(a: &Env, b: &Env) -> bool {
        a.0 == b.0
    }

    /// The scope at `p` (from [`Env::as_ptr`]) as a handle, for as long as `p` is
    /// borrowed, without changing its count.
    ///
    /// Safety: the scope at `p` is alive for that long.
    #[inline]
    pub(crate) unsafe fn borrow_raw(p: &*const EnvHeader) -> &Env {
        // SAFETY: `Env` is a transparent non-null pointer, as `*p` is.
        unsafe { &*(p as *const *const EnvHeader as *const Env) }
    }

    /// The scope's allocation, for the cycle collector.
    #[inline]
    pub(crate) fn as_ptr(&self) -> *const EnvHeader {
        self.0.as_ptr()
    }
}

impl Clone for Env {
    #[inline]
    fn clone(&self) -> Env {
        self.header().counts.inc();
        Env(self.0)
    }
}

impl Drop for Env {
    #[inline]
    fn drop(&mut self) {
        if self.header().counts.dec() {
            // SAFETY: the last handle: nothing else can reach the allocation.
            unsafe { free_env(self.0) }
        }
    }
}

/// Drops a scope's slots and parent and frees it.
///
/// Past a long run of frees, the scope is put aside instead ([`super::release`]).
///
/// Safety: `p` is a scope no handle refers to any more.
#[inline(never)]
unsafe fn free_env(p: NonNull<EnvHeader>) {
    if super::release::put_aside_now() {
        // SAFETY: `free_env_now` frees it, once, from the list.
        unsafe { super::release::put_aside(p.as_ptr().cast(), free_env_now) };
        return;
    }
    unsafe { free_env_now(p.as_ptr().cast()) }
}

/// [`free_env`], now.
///
/// Safety: as [`free_env`], `p` being the scope's `EnvHeader`.
unsafe fn free_env_now(p: *mut u8) {
    let p = p as *mut EnvHeader;
    unsafe {
        let p = NonNull::new_unchecked(p);
        let len = (*p.as_ptr()).len as usize;
        let slots = (p.as_ptr()).add(1) as *mut OnceCell<Value>;
        std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(slots, len));
        std::ptr::drop_in_place(&mut (*p.as_ptr()).parent);
        let layout = Env::layout(len).0;
        if layout.size() == super::pool::BLOCK {
            super::pool::free(p.cast());
        } else {
            std::alloc::dealloc(p.as_ptr() as *mut u8, layout);
        }
    }
}

/// The closure `f` is, if known without evaluating anything: `f` itself, or a thunk
/// that evaluated to one or suspends a lambda expression (a function bound in a `let`),
/// which is then made, as forcing would (it cannot fail or run anything else).
fn known_lambda(f: &Value) -> Option<Shared<Closure>> {
    let t = match f {
        Value::Lambda(c) => return Some(c.clone()),
        Value::Thunk(t) => t,
        _ => return None,
    };
    let mut state = t.0.try_borrow_mut().ok()?;
    let made = match &*state {
        ThunkState::Done(Value::Lambda(c)) => return Some(c.clone()),
        ThunkState::Suspended(e, env) => match &**e {
            Expr::Lambda(def) => Shared::new(Closure {
                def: def.clone(),
                env: env.clone(),
            }),
            _ => return None,
        },
        _ => return None,
    };
    *state = ThunkState::Done(Value::Lambda(made.clone()));
    Some(made)
}

/// The thunk in `slot` when only the slot holds it and it still suspends in `env`.
fn self_ref<'a>(env: &Env, slot: &'a OnceCell<Value>) -> Option<&'a Thunk> {
    match slot.get() {
        Some(Value::Thunk(t)) if t.0.strong_count() == 1 => {
            t.0.try_borrow()
                .is_ok_and(|s| matches!(&*s, ThunkState::Suspended(_, e) if Env::ptr_eq(e, env)))
                .then_some(t)
        }
        _ => None,
    }
}
