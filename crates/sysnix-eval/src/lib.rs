//! sysnix's evaluator of the Nix language.
//!
//! The pipeline: [`compiler`] turns rnix's syntax tree into an IR with resolved scopes;
//! [`eval`] runs it lazily over [`value`]s; [`builtins`] are Nix's primitive functions;
//! [`print`] and [`builtins::json`] render results as `nix-instantiate` does.

pub mod builtins;
pub mod compiler;
pub mod error;
pub mod eval;
pub mod log;
pub mod print;
pub mod source;
pub mod suggest;
pub mod support;
pub mod symbol;
pub mod value;

pub use error::{ErrorKind, EvalError, Result};
pub use eval::{Eval, EvalOptions, with_big_stack};
pub use value::Value;
