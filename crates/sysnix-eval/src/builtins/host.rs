//! sysnix's own builtins for `pkgs`, present only when the evaluator is given a host
//! package database (`EvalOptions::host_packages`, set by `sysnix build`): the Debian
//! packages the host knows and the installed version of each. Plain `sysnix eval` (and
//! C++ Nix) do not have them, so `pkgs/` falls back to its curated table.

use crate::error::Result;
use crate::eval::Eval;
use crate::source::Span;
use crate::value::{PrimOp, Value};

/// What the host's package manager knows, as `pkgs` needs it.
pub trait HostPackageDb: std::fmt::Debug {
    /// Every package name the package manager can install (installed or available).
    fn names(&self) -> Vec<String>;
    /// The installed version of a package, or `None` when it is not installed.
    fn installed_version(&self, name: &str) -> Option<String>;
}

/// `builtins.__sysnixHostPackageNames`: a list computed once, when builtins are installed.
pub fn names_value(db: &dyn HostPackageDb) -> Value {
    Value::list(db.names().into_iter().map(Value::str).collect())
}

fn version(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let name = ev.expect_string(&a[0], span)?.as_str().to_string();
    let db = ev
        .opts
        .host_packages
        .clone()
        .expect("host package builtins exist only with a database");
    Ok(match db.installed_version(&name) {
        Some(v) => Value::str(v),
        None => Value::Null,
    })
}

/// Installed into `builtins` only when a database is configured (with the names list).
pub static PRIMOPS: &[PrimOp] = &[PrimOp {
    name: "__sysnixHostPackageVersion",
    arity: 1,
    func: version,
}];
