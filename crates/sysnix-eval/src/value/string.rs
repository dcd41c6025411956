//! Strings with context: the set of store paths a string refers to, which is how a
//! system's closure is found.

use super::Shared;
use std::collections::BTreeSet;

/// One element of a string's context, in Nix's encoding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContextElem {
    /// A plain store path (`/nix/store/...`).
    Opaque(String),
    /// A derivation and its whole closure (`=/nix/store/...drv`).
    DrvDeep(String),
    /// One output of a derivation (`!out!/nix/store/...drv`).
    Built { drv: String, output: String },
    /// sysnix only: the string carries a secret (the value of a secret-marked option,
    /// described by the text, e.g. "option `x.password' (defined in `/c.nix')"). It is
    /// not a store reference: `getContext`/`hasContext` do not show it, and a string with
    /// it must never be written to the store (derivations and `toFile` refuse it).
    Secret(String),
}

impl ContextElem {
    /// Nix's string encoding of the element.
    pub fn encode(&self) -> String {
        match self {
            ContextElem::Opaque(p) => p.clone(),
            ContextElem::DrvDeep(p) => format!("={p}"),
            ContextElem::Built { drv, output } => format!("!{output}!{drv}"),
            ContextElem::Secret(what) => format!("secret {what}"),
        }
    }

    /// True for the elements that refer to the store (all but [`ContextElem::Secret`]).
    pub fn is_store_ref(&self) -> bool {
        !matches!(self, ContextElem::Secret(_))
    }

    /// Parses Nix's string encoding.
    pub fn decode(s: &str) -> ContextElem {
        if let Some(rest) = s.strip_prefix('=') {
            ContextElem::DrvDeep(rest.to_string())
        } else if let Some(rest) = s.strip_prefix('!') {
            match rest.split_once('!') {
                Some((out, drv)) => ContextElem::Built {
                    drv: drv.into(),
                    output: out.into(),
                },
                None => ContextElem::Opaque(s.into()),
            }
        } else {
            ContextElem::Opaque(s.into())
        }
    }
}

/// A string's context.
pub type Context = BTreeSet<ContextElem>;

/// The description of the first secret in a context, if any.
pub fn secret_in(ctx: &Context) -> Option<&str> {
    ctx.iter().find_map(|e| match e {
        ContextElem::Secret(what) => Some(what.as_str()),
        _ => None,
    })
}

struct Inner {
    s: String,
    ctx: Option<Box<Context>>,
}

/// An immutable Nix string with its (usually empty) context.
#[derive(Clone)]
#[repr(transparent)]
pub struct NixString(Shared<Inner>);

impl NixString {
    /// A string without context.
    pub fn new(s: String) -> NixString {
        NixString(Shared::new(Inner { s, ctx: None }))
    }

    /// A string with the given context (empty context is stored as none).
    pub fn with_context(s: String, ctx: Context) -> NixString {
        let ctx = if ctx.is_empty() {
            // An empty set owns no memory (no context has elements removed, so none is
            // emptied with a node left): forgotten, not dropped, as dropping even an
            // empty `BTreeSet` walks its iterator (~50 instructions, 3% of building
            // a big set of interpolated names).
            std::mem::forget(ctx);
            None
        } else {
            Some(Box::new(ctx))
        };
        NixString(Shared::new(Inner { s, ctx }))
    }

    /// The characters.
    pub fn as_str(&self) -> &str {
        &self.0.s
    }

    /// The context, if any.
    pub fn context(&self) -> Option<&Context> {
        self.0.ctx.as_deref()
    }

    /// True when the string refers to a store path (a secret marker alone does not count).
    pub fn has_context(&self) -> bool {
        self.first_store_ref().is_some()
    }

    /// The first context element that refers to the store, if any.
    pub fn first_store_ref(&self) -> Option<&ContextElem> {
        self.0.ctx.as_deref()?.iter().find(|e| e.is_store_ref())
    }

    /// The description of a secret this string carries, if any.
    pub fn secret(&self) -> Option<&str> {
        secret_in(self.0.ctx.as_deref()?)
    }
}

impl std::fmt::Debug for NixString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}
