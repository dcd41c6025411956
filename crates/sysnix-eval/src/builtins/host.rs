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
    /// Every package name the package manager can install (installed or available): sorted,
    /// without duplicates, one per line.
    fn names(&self) -> &str;
    /// The installed version of a package, or `None` when it is not installed.
    fn installed_version(&self, name: &str) -> Option<String>;
}

/// `builtins.__sysnixHostPackageSet f`: `{ <name> = f "<name>"; … }` for every package
/// name the host knows, each value a lazy application (building 60,000 thunks in Rust
/// costs a fraction of what `genAttrs` over a name list costs in Nix).
fn package_set(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let f = ev.expect_function(&a[0], span)?;
    let db = host_db(ev);
    let names: Vec<&str> = db.names().lines().collect();
    crate::symbol::Symbol::reserve(names.len());
    let mut b = crate::value::AttrsBuilder::with_capacity(names.len());
    // One shared (f, span) for every entry keeps each entry's thunk inline.
    let call = std::rc::Rc::new((f, span));
    for name in names {
        let sym = crate::symbol::Symbol::new(name);
        let value = Value::Thunk(crate::value::Thunk::apply_name(call.clone(), sym));
        b.insert(sym, value);
    }
    Ok(Value::attrs(b.build()))
}

fn host_db(ev: &Eval) -> std::rc::Rc<dyn HostPackageDb> {
    ev.opts
        .host_packages
        .clone()
        .expect("host package builtins exist only with a database")
}

fn version(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let name = ev.expect_string(&a[0], span)?.as_str().to_string();
    Ok(match host_db(ev).installed_version(&name) {
        Some(v) => Value::str(v),
        None => Value::Null,
    })
}

/// Installed into `builtins` only when a database is configured.
pub static PRIMOPS: &[PrimOp] = &[
    PrimOp {
        name: "__sysnixHostPackageVersion",
        arity: 1,
        func: version,
        eager: None,
    },
    PrimOp {
        name: "__sysnixHostPackageSet",
        arity: 1,
        func: package_set,
        eager: None,
    },
];
