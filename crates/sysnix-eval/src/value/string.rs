//! Strings with context: the set of store paths a string refers to, which is how a
//! system's closure is found.

use std::collections::BTreeSet;
use std::rc::Rc;

/// One element of a string's context, in Nix's encoding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContextElem {
    /// A plain store path (`/nix/store/...`).
    Opaque(String),
    /// A derivation and its whole closure (`=/nix/store/...drv`).
    DrvDeep(String),
    /// One output of a derivation (`!out!/nix/store/...drv`).
    Built { drv: String, output: String },
}

impl ContextElem {
    /// Nix's string encoding of the element.
    pub fn encode(&self) -> String {
        match self {
            ContextElem::Opaque(p) => p.clone(),
            ContextElem::DrvDeep(p) => format!("={p}"),
            ContextElem::Built { drv, output } => format!("!{output}!{drv}"),
        }
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

struct Inner {
    s: String,
    ctx: Option<Box<Context>>,
}

/// An immutable Nix string with its (usually empty) context.
#[derive(Clone)]
pub struct NixString(Rc<Inner>);

impl NixString {
    /// A string without context.
    pub fn new(s: String) -> NixString {
        NixString(Rc::new(Inner { s, ctx: None }))
    }

    /// A string with the given context (empty context is stored as none).
    pub fn with_context(s: String, ctx: Context) -> NixString {
        let ctx = if ctx.is_empty() {
            None
        } else {
            Some(Box::new(ctx))
        };
        NixString(Rc::new(Inner { s, ctx }))
    }

    /// The characters.
    pub fn as_str(&self) -> &str {
        &self.0.s
    }

    /// The context, if any.
    pub fn context(&self) -> Option<&Context> {
        self.0.ctx.as_deref()
    }

    /// True when the string refers to no store path.
    pub fn has_context(&self) -> bool {
        self.0.ctx.is_some()
    }
}

impl std::fmt::Debug for NixString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}
