//! Nix's builtins, one family a file. Each family exports a static table of primops;
//! [`install`] puts them into `builtins` and the global scope as Nix does.

mod attrs;
mod context;
mod control;
mod derivation;
pub mod host;
mod io;
pub mod json;
mod lists;
mod math;
mod modules;
mod newer;
pub mod secrets;
mod strings;
mod types;
pub mod xml;

use crate::eval::Eval;
use crate::symbol::Symbol;
use crate::value::{Attrs, AttrsBuilder, PrimOp, Thunk, ThunkState, Value};
use std::rc::Rc;

/// State the builtins keep for one evaluation.
#[derive(Default)]
pub struct State {
    /// Compiled regular expressions by pattern (FxHash: every `match` and `split` call
    /// looks its pattern up, and SipHash took about 170 instructions of each).
    pub regexes: rustc_hash::FxHashMap<String, Rc<crate::support::regex::Regex>>,
    /// Derivations computed so far (for input closures and, later, building).
    pub drvs: sysnix_store::derivation::DrvStore,
    /// `builtins.toFile` results: store path -> contents, for the build step to realise.
    pub text_files: std::collections::BTreeMap<String, String>,
    /// Local paths copied into the store (`"${./x}"`, `builtins.path`, `filterSource`):
    /// store path -> where it comes from, for the build step to realise.
    pub sources: std::collections::BTreeMap<String, SourceRecord>,
}

/// A local file or tree that a store path is made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRecord {
    /// The absolute local path.
    pub local: String,
    /// Whole tree (NAR hash) rather than a flat file's contents.
    pub recursive: bool,
    /// When a filter applied: the absolute paths it let in (anything else is left out).
    pub included: Option<std::collections::BTreeSet<String>>,
}

/// Builtins that are also in scope without the `builtins.` prefix.
const GLOBAL_NAMES: &[&str] = &[
    "abort",
    "baseNameOf",
    "derivation",
    "derivationStrict",
    "dirOf",
    "fetchGit",
    "fetchMercurial",
    "fetchTarball",
    "fetchTree",
    "fromTOML",
    "import",
    "isNull",
    "map",
    "placeholder",
    "removeAttrs",
    "scopedImport",
    "throw",
    "toString",
];

fn families() -> impl Iterator<Item = &'static PrimOp> {
    [
        attrs::PRIMOPS,
        context::PRIMOPS,
        control::PRIMOPS,
        derivation::PRIMOPS,
        io::PRIMOPS,
        json::PRIMOPS,
        lists::PRIMOPS,
        math::PRIMOPS,
        modules::PRIMOPS,
        strings::PRIMOPS,
        types::PRIMOPS,
        xml::PRIMOPS,
        newer::PRIMOPS,
    ]
    .into_iter()
    .flatten()
}

/// Fills the evaluator's global scope and the `builtins` set.
pub fn install(ev: &mut Eval) {
    let mut b = AttrsBuilder::with_capacity(160);
    for op in families() {
        b.insert_str(op.name, Value::PrimOp(op));
    }
    let constants: Vec<(&str, Value)> = vec![
        ("true", Value::Bool(true)),
        ("false", Value::Bool(false)),
        ("null", Value::Null),
        ("currentSystem", Value::str(ev.opts.current_system.clone())),
        (
            "currentTime",
            Value::Int(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_secs() as i64)
                    .unwrap_or(0),
            ),
        ),
        ("langVersion", Value::Int(6)),
        ("nixVersion", Value::str("2.8.0")),
        ("storeDir", Value::str(ev.opts.store_dir.clone())),
        ("nixPath", nix_path_value(&ev.opts.nix_path)),
    ];
    for (name, v) in &constants {
        b.insert_str(name, v.clone());
    }
    if ev.opts.host_packages.is_some() {
        for op in host::PRIMOPS {
            b.insert_str(op.name, Value::PrimOp(op));
        }
    }
    if ev.opts.track_secrets {
        for op in secrets::PRIMOPS {
            b.insert_str(op.name, Value::PrimOp(op));
        }
    }
    let derivation_knot = Thunk(crate::value::ThunkPtr::new(crate::value::ThunkCell::new(
        ThunkState::Done(Value::Null),
    )));
    b.insert_str("derivation", Value::Thunk(derivation_knot.clone()));
    // `builtins.builtins` is the set itself: tie the knot through a thunk.
    let knot = Thunk(crate::value::ThunkPtr::new(crate::value::ThunkCell::new(
        ThunkState::Done(Value::Null),
    )));
    b.insert_str("builtins", Value::Thunk(knot.clone()));
    let builtins = Value::attrs(b.build());
    *knot.0.borrow_mut() = ThunkState::Done(builtins.clone());

    let Value::Attrs(set) = &builtins else {
        unreachable!()
    };
    for attr in set.iter() {
        let name = attr.name.as_str();
        if !matches!(name, "true" | "false" | "null" | "builtins") && !name.starts_with("__sysnix")
        {
            ev.globals
                .insert(Symbol::new(&format!("__{name}")), attr.value.clone());
        }
        if GLOBAL_NAMES.contains(&name) || matches!(name, "true" | "false" | "null") {
            ev.globals.insert(attr.name, attr.value.clone());
        }
    }
    ev.globals.insert(Symbol::new("builtins"), builtins);

    // `derivation` is Nix code over `derivationStrict`; it is compiled now that the
    // globals it uses exist, and the placeholder thunk is filled in.
    let code = ev.compile(
        crate::source::Origin::Internal("derivation.nix"),
        derivation::DERIVATION_NIX,
        std::path::Path::new("/"),
        None,
    );
    let value = match code.and_then(|e| ev.eval(&e, &crate::value::Env::new(0, None))) {
        Ok(v) => v,
        Err(e) => panic!("the embedded derivation.nix must evaluate: {}", e.message),
    };
    *derivation_knot.0.borrow_mut() = ThunkState::Done(value);
}

/// `builtins.nixPath`: `[ { path = "..."; prefix = "..."; } ... ]`.
fn nix_path_value(entries: &[String]) -> Value {
    let items = entries
        .iter()
        .map(|e| {
            let (prefix, path) = match e.split_once('=') {
                Some((p, v)) => (p.to_string(), v.to_string()),
                None => (String::new(), e.clone()),
            };
            let mut b = AttrsBuilder::with_capacity(2);
            b.insert_str("path", Value::str(path));
            b.insert_str("prefix", Value::str(prefix));
            Value::attrs(b.build())
        })
        .collect();
    Value::list(items)
}

/// The wording Nix uses for an I/O error (strerror's).
pub fn io_error_text(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "No such file or directory".into(),
        K::PermissionDenied => "Permission denied".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// Shorthand used by the families to build a set from pairs.
pub(crate) fn attrs_of(pairs: Vec<(&str, Value)>) -> Value {
    let mut b = AttrsBuilder::with_capacity(pairs.len());
    for (k, v) in pairs {
        b.insert_str(k, v);
    }
    Value::attrs(b.build())
}

/// The empty set.
pub(crate) fn empty_attrs() -> Value {
    Value::attrs(Attrs::new())
}
