//! Reading the file system and computing store paths of local files: readFile, readDir,
//! pathExists, readFileType, hashFile, toFile, path, filterSource, storePath, placeholder.
//! Nothing is written: realising store paths is the build step's job.

use crate::error::Result;
use crate::eval::Eval;
use crate::source::Span;
use crate::value::{AttrsBuilder, Context, ContextElem, NixString, PrimOp, Value};
use std::path::Path;
use sysnix_store::hash::{Hash, HashAlgo, HashFormat};
use sysnix_store::nar::FileKind;
use sysnix_store::path::StoreDir;

fn store(ev: &Eval) -> StoreDir {
    StoreDir::new(ev.opts.store_dir.clone())
}

fn read_file(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (path, _) = ev.coerce_to_path(&a[0], span)?;
    match read_bytes(&path) {
        Ok(bytes) => Ok(Value::str(String::from_utf8_lossy(&bytes).into_owned())),
        Err(e) => Err(e),
    }
}

/// Reads a file, with Nix's error texts (which have no position).
fn read_bytes(path: &str) -> std::result::Result<Vec<u8>, Box<crate::error::EvalError>> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).map_err(|e| {
        nopos(format!(
            "opening file '{path}': {}",
            super::io_error_text(&e)
        ))
    })?;
    let mut out = Vec::new();
    f.read_to_end(&mut out)
        .map_err(|e| nopos(format!("reading from file: {}", super::io_error_text(&e))))?;
    Ok(out)
}

fn kind_name(ft: std::fs::FileType) -> &'static str {
    if ft.is_dir() {
        "directory"
    } else if ft.is_symlink() {
        "symlink"
    } else if ft.is_file() {
        "regular"
    } else {
        "unknown"
    }
}

fn read_dir(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (path, _) = ev.coerce_to_path(&a[0], span)?;
    let entries = std::fs::read_dir(&path).map_err(|e| {
        nopos(format!(
            "opening directory '{path}': {}",
            super::io_error_text(&e)
        ))
    })?;
    let mut b = AttrsBuilder::default();
    for entry in entries {
        let entry = entry.map_err(|e| {
            nopos(format!(
                "reading directory '{path}': {}",
                super::io_error_text(&e)
            ))
        })?;
        let kind = entry.file_type().map(kind_name).unwrap_or("unknown");
        b.insert_str(&entry.file_name().to_string_lossy(), Value::str(kind));
    }
    Ok(Value::attrs(b.build()))
}

fn path_exists(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (path, _) = ev.coerce_to_path(&a[0], span)?;
    Ok(Value::Bool(std::fs::symlink_metadata(&path).is_ok()))
}

fn read_file_type(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (path, _) = ev.coerce_to_path(&a[0], span)?;
    match std::fs::symlink_metadata(&path) {
        Ok(m) => Ok(Value::str(kind_name(m.file_type()))),
        Err(e) => Err(nopos(format!(
            "getting status of '{path}': {}",
            super::io_error_text(&e)
        ))),
    }
}

fn hash_file(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let algo_name = ev.expect_string(&a[0], span)?;
    let Some(algo) = HashAlgo::from_name(algo_name.as_str()) else {
        return Err(nopos(format!(
            "unknown hash algorithm '{}'",
            algo_name.as_str()
        )));
    };
    let (path, _) = ev.coerce_to_path(&a[1], span)?;
    let bytes = read_bytes(&path)?;
    Ok(Value::str(
        Hash {
            algo,
            bytes: algo.digest(&bytes),
        }
        .to_string(HashFormat::Base16, false),
    ))
}

fn to_file(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    // As Nix: a name without store references, and contents that are a string (not
    // coerced), whose context becomes the file's references.
    let name = super::context::expect_string_no_ctx(ev, &a[0], span)?;
    let contents = ev.expect_string(&a[1], span)?;
    let ctx: Context = contents.context().cloned().unwrap_or_default();
    let contents = contents.as_str().to_string();
    let mut refs = std::collections::BTreeSet::new();
    for c in &ctx {
        match c {
            ContextElem::Opaque(p) => {
                refs.insert(p.clone());
            }
            ContextElem::Secret(what) => {
                let into = format!("the file '{}' (builtins.toFile)", name.as_str());
                return Err(super::secrets::leak_error(ev, what, &into, span));
            }
            other => {
                return Err(ev.error(
                    format!(
                        "in 'toFile': the file named '{}' must not contain a reference to a derivation but contains ({})",
                        name.as_str(),
                        other.encode()
                    ),
                    span,
                ));
            }
        }
    }
    let path = store(ev)
        .make_text_path(name.as_str(), contents.as_bytes(), &refs)
        .map_err(nopos)?;
    ev.builtin_state.drvs.add_references(path.clone(), refs);
    ev.builtin_state.text_files.insert(path.clone(), contents);
    let mut out = Context::new();
    out.insert(ContextElem::Opaque(path.clone()));
    Ok(Value::String(NixString::with_context(path, out)))
}

/// Computes the store path of a local path, asking a Nix filter function about each entry.
fn add_path(
    ev: &mut Eval,
    path: &str,
    name: &str,
    filter: Option<Value>,
    recursive: bool,
    span: Span,
) -> Result<String> {
    let (sp, included) = add_path_inner(ev, path, name, filter, recursive, span)?;
    ev.builtin_state.sources.insert(
        sp.clone(),
        super::SourceRecord {
            local: path.to_string(),
            recursive,
            included,
        },
    );
    Ok(sp)
}

/// [`add_path`]'s computation: the store path, and the entries a filter let in.
fn add_path_inner(
    ev: &mut Eval,
    path: &str,
    name: &str,
    filter: Option<Value>,
    recursive: bool,
    span: Span,
) -> Result<(String, Option<std::collections::BTreeSet<String>>)> {
    let st = store(ev);
    if !recursive {
        let bytes = std::fs::read(path).map_err(|e| {
            nopos(format!(
                "opening file '{path}': {}",
                super::io_error_text(&e)
            ))
        })?;
        let h = Hash {
            algo: HashAlgo::Sha256,
            bytes: HashAlgo::Sha256.digest(&bytes),
        };
        return st
            .make_fixed_output_path(
                sysnix_store::path::FileIngestion::Flat,
                &h,
                name,
                &Default::default(),
            )
            .map(|p| (p, None))
            .map_err(|e| ev.error(e, span));
    }
    let Some(filter) = filter else {
        return st
            .store_path_for_local_path(name, Path::new(path))
            .map(|p| (p, None))
            .map_err(|e| {
                nopos(format!(
                    "getting status of '{path}': {}",
                    super::io_error_text(&e)
                ))
            });
    };
    let mut failure = None;
    let mut included = std::collections::BTreeSet::new();
    let result =
        st.store_path_for_local_path_filtered(name, Path::new(path), |p: &Path, kind: FileKind| {
            if failure.is_some() {
                return false;
            }
            let args = vec![Value::str(p.display().to_string()), Value::str(kind.name())];
            match ev
                .call_many(filter.clone(), &args, span)
                .and_then(|r| ev.expect_bool(&r, span))
            {
                Ok(b) => {
                    if b {
                        included.insert(p.display().to_string());
                    }
                    b
                }
                Err(e) => {
                    failure = Some(e);
                    false
                }
            }
        });
    if let Some(e) = failure {
        return Err(e);
    }
    result.map(|p| (p, Some(included))).map_err(|e| {
        nopos(format!(
            "getting status of '{path}': {}",
            super::io_error_text(&e)
        ))
    })
}

/// An error Nix 2.8 reports without a position.
fn nopos(msg: impl Into<String>) -> Box<crate::error::EvalError> {
    crate::error::EvalError::new(crate::error::ErrorKind::Eval, msg, None)
}

fn store_string(path: String) -> Value {
    let mut ctx = Context::new();
    ctx.insert(ContextElem::Opaque(path.clone()));
    Value::String(NixString::with_context(path, ctx))
}

fn filter_source(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let filter = ev.expect_function(&a[0], span)?;
    let (path, _) = ev.coerce_to_path(&a[1], span)?;
    let name = path.rsplit('/').next().unwrap_or("").to_string();
    let sp = add_path(ev, &path, &name, Some(filter), true, span)?;
    Ok(store_string(sp))
}

fn path(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let args = ev.expect_attrs(&a[0], span)?;
    let Some(p) = args.get_str("path").cloned() else {
        return Err(ev.error(
            "missing required 'path' attribute in the first argument to builtins.path",
            span,
        ));
    };
    let (path, _) = ev.coerce_to_path(&p, span)?;
    let name = match args.get_str("name").cloned() {
        Some(n) => ev.expect_string(&n, span)?.as_str().to_string(),
        None => path.rsplit('/').next().unwrap_or("").to_string(),
    };
    let filter = match args.get_str("filter").cloned() {
        Some(f) => Some(ev.expect_function(&f, span)?),
        None => None,
    };
    let recursive = match args.get_str("recursive").cloned() {
        Some(r) => ev.expect_bool(&r, span)?,
        None => true,
    };
    let expected = match args.get_str("sha256").cloned() {
        Some(e) => {
            let text = ev.expect_string(&e, span)?.as_str().to_string();
            Some(
                Hash::parse_allow_empty(&text, Some(HashAlgo::Sha256))
                    .map_err(|e| ev.error(e, span))?,
            )
        }
        None => None,
    };
    let sp = add_path(ev, &path, &name, filter, recursive, span)?;
    if let Some(h) = expected {
        let ingestion = if recursive {
            sysnix_store::path::FileIngestion::Recursive
        } else {
            sysnix_store::path::FileIngestion::Flat
        };
        let want = store(ev)
            .make_fixed_output_path(ingestion, &h, &name, &Default::default())
            .map_err(|e| ev.error(e, span))?;
        if want != sp {
            return Err(crate::error::EvalError::new(
                crate::error::ErrorKind::Eval,
                format!("store path mismatch in (possibly filtered) path added from '{path}'"),
                None,
            ));
        }
    }
    Ok(store_string(sp))
}

fn store_path(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let (path, _) = ev.coerce_to_path(&a[0], span)?;
    let st = store(ev);
    let sp = st
        .to_store_path(&path)
        .map_err(|_| ev.error(format!("path '{path}' is not in the Nix store"), span))?;
    let mut ctx = Context::new();
    ctx.insert(ContextElem::Opaque(sp.to_string()));
    Ok(Value::String(NixString::with_context(path.clone(), ctx)))
}

fn placeholder(ev: &mut Eval, a: &mut [Value], span: Span) -> Result<Value> {
    let out = super::context::expect_string_no_ctx(ev, &a[0], span)?;
    let h = HashAlgo::Sha256.digest(format!("nix-output:{}", out.as_str()).as_bytes());
    Ok(Value::str(format!("/{}", sysnix_store::base32::encode(&h))))
}

fn no_network(ev: &mut Eval, _: &mut [Value], span: Span) -> Result<Value> {
    Err(ev.error("fetching is not supported: sysnix evaluates without network access; vendor the source and use a path instead", span))
}

pub static PRIMOPS: &[PrimOp] = &[
    PrimOp {
        name: "readFile",
        arity: 1,
        func: read_file,
        eager: None,
    },
    PrimOp {
        name: "readDir",
        arity: 1,
        func: read_dir,
        eager: None,
    },
    PrimOp {
        name: "pathExists",
        arity: 1,
        func: path_exists,
        eager: None,
    },
    PrimOp {
        name: "readFileType",
        arity: 1,
        func: read_file_type,
        eager: None,
    },
    PrimOp {
        name: "hashFile",
        arity: 2,
        func: hash_file,
        eager: None,
    },
    PrimOp {
        name: "toFile",
        arity: 2,
        func: to_file,
        eager: None,
    },
    PrimOp {
        name: "filterSource",
        arity: 2,
        func: filter_source,
        eager: None,
    },
    PrimOp {
        name: "path",
        arity: 1,
        func: path,
        eager: None,
    },
    PrimOp {
        name: "storePath",
        arity: 1,
        func: store_path,
        eager: None,
    },
    PrimOp {
        name: "placeholder",
        arity: 1,
        func: placeholder,
        eager: None,
    },
    PrimOp {
        name: "fetchurl",
        arity: 1,
        func: no_network,
        eager: None,
    },
    PrimOp {
        name: "fetchTarball",
        arity: 1,
        func: no_network,
        eager: None,
    },
    PrimOp {
        name: "fetchGit",
        arity: 1,
        func: no_network,
        eager: None,
    },
    PrimOp {
        name: "fetchMercurial",
        arity: 1,
        func: no_network,
        eager: None,
    },
    PrimOp {
        name: "fetchTree",
        arity: 1,
        func: no_network,
        eager: None,
    },
];
