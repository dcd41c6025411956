//! Source files and positions: every expression carries a [`Span`] that maps back to
//! `file:line:col` and the source line, for error messages.

use std::path::PathBuf;
use std::rc::Rc;

/// Where a piece of source text came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk (absolute path).
    File(PathBuf),
    /// An expression given on the command line (`-E`), shown as `«string»`.
    String,
    /// An expression from `--arg`, shown as `«string»` as Nix does.
    Arg,
    /// sysnix's own embedded Nix code (e.g. `derivation`), shown as Nix 2.8 names its
    /// own: `//builtin/derivation.nix` (our file keeps Nix's line numbers).
    Internal(&'static str),
}

/// One loaded source text.
pub struct SourceFile {
    pub origin: Origin,
    pub text: Rc<str>,
    line_starts: Vec<u32>,
}

impl SourceFile {
    /// The name shown in positions: the absolute path, or `«string»`.
    pub fn display_name(&self) -> String {
        match &self.origin {
            Origin::File(p) => p.display().to_string(),
            Origin::String | Origin::Arg => "«string»".into(),
            Origin::Internal(n) => format!("//builtin/{n}"),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (usize, usize) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self
            .text
            .get(start..end)
            .map(|s| s.chars().count())
            .unwrap_or(0)
            + 1;
        (line + 1, col)
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: usize) -> Option<&str> {
        let start = *self.line_starts.get(line.checked_sub(1)?)? as usize;
        let rest = &self.text[start..];
        Some(rest.split('\n').next().unwrap_or(""))
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span {
    pub file: u32,
    pub start: u32,
    pub end: u32,
}

/// All source texts loaded by one evaluation; spans index into it.
///
/// File ids are handed out by a counter the prefetch worker shares, which compiles
/// files before the evaluator imports them (`eval::prefetch`): the worker takes an id
/// for each file it compiles, and the evaluator records the file under that id when
/// it imports it ([`SourceMap::set`]). Ids of files compiled but never imported stay
/// empty; no span names them.
#[derive(Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
    ids: std::sync::Arc<std::sync::atomic::AtomicU32>,
}

impl SourceMap {
    /// Adds a text and returns its file id.
    pub fn add(&mut self, origin: Origin, text: Rc<str>) -> u32 {
        let id = self.ids.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.set(id, origin, text);
        id
    }

    /// The counter file ids come from, for the prefetch worker.
    pub fn ids(&self) -> std::sync::Arc<std::sync::atomic::AtomicU32> {
        self.ids.clone()
    }

    /// Records the text of file `id` (taken from [`SourceMap::ids`]).
    pub fn set(&mut self, id: u32, origin: Origin, text: Rc<str>) {
        let mut line_starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        let id = id as usize;
        while self.files.len() <= id {
            self.files.push(SourceFile {
                origin: Origin::String,
                text: Rc::from(""),
                line_starts: vec![0],
            });
        }
        self.files[id] = SourceFile {
            origin,
            text,
            line_starts,
        };
    }

    /// The file a span belongs to.
    pub fn file(&self, id: u32) -> &SourceFile {
        &self.files[id as usize]
    }

    /// `file:line:col` of a span's start.
    pub fn describe(&self, span: Span) -> String {
        let f = self.file(span.file);
        let (l, c) = f.line_col(span.start);
        format!("{}:{}:{}", f.display_name(), l, c)
    }
}
