//! The evaluator's intermediate representation: the syntax tree with every variable
//! resolved to a scope slot at compile time, so evaluation never looks names up in maps
//! (except through `with`, which is dynamic by definition).

use crate::source::Span;
use crate::symbol::Symbol;
use crate::value::{IndexHint, Value};
use std::rc::Rc;

/// A compiled expression.
pub enum Expr {
    /// A literal value (number, string without interpolation, path), or a constant known
    /// at compile time (`true`, `builtins.head`, a binding `inherit (builtins) head;`);
    /// never a thunk.
    Lit(Value),
    /// A variable reference.
    Var(VarRef, Span),
    /// `{ ... }` / `rec { ... }`.
    Attrs(Box<AttrsDef>, Span),
    /// `[ ... ]`.
    List(Vec<Rc<Expr>>),
    /// A function.
    Lambda(Rc<LambdaDef>),
    /// `f a b ...`.
    Call(Rc<Expr>, Vec<Rc<Expr>>, Span),
    /// `e.a.b or default`.
    Select(Rc<Expr>, Vec<AttrKey>, Option<Rc<Expr>>, Span),
    /// `e ? a.b`.
    HasAttr(Rc<Expr>, Vec<AttrKey>, Span),
    /// `let ...; in body`: the bindings fill a new scope.
    Let(Box<AttrsDef>, Rc<Expr>, Span),
    /// `with ns; body`: `ns` goes into a new one-slot scope.
    With(Rc<Expr>, Rc<Expr>, Span),
    /// `if c then a else b`.
    If(Rc<Expr>, Rc<Expr>, Rc<Expr>, Span),
    /// `assert c; body` (the text of `c` for the message).
    Assert(Rc<Expr>, Rc<Expr>, String, Span),
    /// `!e`.
    Not(Rc<Expr>, Span),
    /// `-e`.
    Neg(Rc<Expr>, Span),
    /// A binary operator; spans are the operands'.
    BinOp(BinOp, Rc<Expr>, Rc<Expr>, Span, Span),
    /// A string with interpolations (`"a${b}c"`): each part with the position of its `${`
    /// (where coercing it to a string fails; a literal part's is the string's).
    Interpolate(Vec<(Rc<Expr>, Span)>, Span),
    /// A path with interpolations (`./a/${b}`); the first part is the resolved prefix.
    PathInterpolate(Vec<Rc<Expr>>, Span),
    /// `__curPos`.
    CurPos(Span),
}

/// Binary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Eq,
    NotEq,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    Impl,
    Update,
    Concat,
    PipeRight,
    PipeLeft,
}

/// How a variable is found at run time.
pub enum VarRef {
    /// Slot `idx` of the scope `depth` levels up.
    Local { depth: u32, idx: u32 },
    /// A builtin constant (`true`, `map`, `builtins`, ...).
    Global(Value),
    /// A builtin whose value holds a count (`builtins`, `derivation`, ...), in code
    /// compiled off the evaluator's thread ([`super::Globals::Plain`]): looked up in the
    /// evaluator's builtins when first evaluated, then kept here.
    Deferred(Symbol, std::cell::OnceCell<Value>),
    /// Not bound lexically: look it up in the enclosing `with` scopes (innermost first,
    /// given as scope depths), then fail.
    With {
        name: Symbol,
        withs: Vec<u32>,
        hint: IndexHint,
    },
}

/// An attribute name in a path: static or `${...}`/string with interpolation.
pub enum AttrKey {
    Static(Symbol, IndexHint),
    Dynamic(Rc<Expr>),
}

/// The body of an attribute set or `let`.
pub struct AttrsDef {
    /// `rec { }` or `let`: the values see the set's own attributes.
    pub rec: bool,
    /// Static attributes, sorted by name. In a recursive set, attribute `i` is slot `i`.
    pub statics: Vec<StaticAttr>,
    /// `inherit (e)` sources, evaluated once each (in the set's own scope when recursive).
    pub inherit_from: Vec<Rc<Expr>>,
    /// `${k} = v` attributes, added after the static ones.
    pub dynamics: Vec<(Rc<Expr>, Rc<Expr>, Span)>,
}

/// One static attribute.
pub struct StaticAttr {
    pub name: Symbol,
    pub value: AttrValue,
    pub span: Span,
}

/// How a static attribute's value is produced.
pub enum AttrValue {
    /// An expression in the set's value scope.
    Expr(Rc<Expr>),
    /// `inherit x`: an expression resolved in the scope around the set.
    Inherited(Rc<Expr>),
    /// `inherit (e) x`: attribute `x` of `inherit_from[i]`.
    InheritFrom(usize, Symbol),
    /// `a.b = ...; a.c = ...;`: a nested, non-recursive set.
    Nested(Box<AttrsDef>),
}

/// A function definition.
pub struct LambdaDef {
    /// The name it is bound to, if any (for error traces).
    pub name: Option<Symbol>,
    /// `x: ...` binds one slot; `{ a, b ? d, ... }@x:` binds the formals then `x`.
    pub param: Param,
    pub body: Rc<Expr>,
    pub span: Span,
    /// Number of slots the call scope needs.
    pub slots: u32,
}

/// A function's parameter.
pub enum Param {
    Ident(Symbol),
    Formals {
        /// Sorted by name; slot `i` is formal `i`.
        formals: Vec<(Symbol, Option<Rc<Expr>>)>,
        /// Where each formal is written (`functionArgs` positions).
        spans: Vec<Span>,
        ellipsis: bool,
        /// `@name`: bound in the slot after the formals.
        at: Option<Symbol>,
    },
}

impl Expr {
    /// Where the expression starts (for infinite-recursion and trace messages).
    pub fn span(&self) -> Option<Span> {
        match self {
            Expr::Lit(_) | Expr::List(_) => None,
            Expr::Lambda(l) => Some(l.span),
            Expr::Var(_, s)
            | Expr::Attrs(_, s)
            | Expr::Call(_, _, s)
            | Expr::Select(_, _, _, s)
            | Expr::HasAttr(_, _, s)
            | Expr::Let(_, _, s)
            | Expr::With(_, _, s)
            | Expr::If(_, _, _, s)
            | Expr::Assert(_, _, _, s)
            | Expr::Not(_, s)
            | Expr::Neg(_, s)
            | Expr::Interpolate(_, s)
            | Expr::PathInterpolate(_, s)
            | Expr::CurPos(s) => Some(*s),
            Expr::BinOp(_, _, _, l, _) => Some(*l),
        }
    }
}
