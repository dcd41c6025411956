//! Loading Nix files: `import` (cached, with the prefetcher's parse when it has one) and
//! `scopedImport`, and how a path names the file they read.

use super::Eval;
use crate::compiler::canon_path;
use crate::error::{ErrorKind, EvalError, Result};
use crate::source::{Origin, Span};
use crate::symbol::Symbol;
use crate::value::{Attrs, Env, Thunk, Value};
use std::path::{Path, PathBuf};
use std::rc::Rc;

impl Eval {
    /// `import path`: parses and evaluates a file once, caching the result.
    pub fn import_path(&mut self, path: &str, span: Option<Span>) -> Result<Value> {
        if let Some(v) = self.import_cache.get(path) {
            return Ok(v.clone());
        }
        let e = match self.prefetch.take(path) {
            Some(c) => {
                self.sources
                    .set(c.id, Origin::File(c.file), Rc::from(c.text));
                self.request_prefetch(c.nix_paths);
                c.expr
            }
            None => {
                let (file, text) = self.read_nix_file(path, span)?;
                let dir = parent_dir(&file);
                self.compile(Origin::File(file), &text, &dir, None)?
            }
        };
        let v = Value::Thunk(Thunk::new(e, Env::new(0, None)));
        self.import_cache.insert(path.to_string(), v.clone());
        Ok(v)
    }

    /// `scopedImport attrs path`: like import, with `attrs` in scope, and no caching.
    pub fn scoped_import(&mut self, scope: &Attrs, path: &str, span: Span) -> Result<Value> {
        let (file, text) = self.read_nix_file(path, Some(span))?;
        let dir = parent_dir(&file);
        let names: Vec<Symbol> = scope.iter().map(|a| a.name).collect();
        let e = self.compile(Origin::File(file), &text, &dir, Some(&names))?;
        let env = Env::with_values(scope.iter().map(|a| a.value.clone()).collect(), None);
        self.eval(&e, &env)
    }

    /// The file `path` names and its text, or Nix's error for a file that cannot be read.
    fn read_nix_file(&mut self, path: &str, span: Option<Span>) -> Result<(PathBuf, String)> {
        let file = resolve_nix_file(path);
        match read_source(&file) {
            Ok(text) => Ok((file, text)),
            Err(e) => Err(EvalError::new(
                ErrorKind::Eval,
                format!(
                    "getting status of '{}': {}",
                    file.display(),
                    crate::builtins::io_error_text(&e)
                ),
                span,
            )),
        }
    }
}

/// The directory relative paths in `file` resolve against.
pub(super) fn parent_dir(file: &Path) -> PathBuf {
    file.parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("/"))
}

/// The file `import path` reads, as Nix's resolveExprPath finds it: symlinks in the
/// last component followed (so relative paths inside work from the target), then a
/// directory means its `default.nix`.
pub(super) fn resolve_nix_file(path: &str) -> PathBuf {
    let mut file = PathBuf::from(path);
    for _ in 0..1024 {
        match std::fs::read_link(&file) {
            Ok(target) => {
                let dir = file.parent().unwrap_or(Path::new("/")).to_path_buf();
                let joined = dir.join(target);
                file = PathBuf::from(canon_path(&joined.to_string_lossy()));
            }
            Err(_) => break,
        }
    }
    if file.is_dir() {
        file = file.join("default.nix");
    }
    file
}

/// A source file's text (invalid UTF-8 replaced, as Nix reads bytes).
pub(super) fn read_source(file: &Path) -> std::io::Result<String> {
    std::fs::read(file).map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}
