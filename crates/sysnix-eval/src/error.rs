//! Evaluation errors: one type with a kind, a message, a position, hints and a trace of
//! "while evaluating" frames, rendered the way Nix renders them.

use crate::source::{SourceMap, Span};
use std::fmt::Write;

/// What kind of failure, which decides whether `tryEval` may catch it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `throw`: catchable by `tryEval`.
    Throw,
    /// A failed `assert`: catchable by `tryEval`.
    Assert,
    /// `abort`.
    Abort,
    /// Infinite recursion detected by blackholing.
    InfiniteRecursion,
    /// The evaluation nested too deeply.
    StackOverflow,
    /// A syntax error.
    Parse,
    /// Anything else (type errors, missing attributes, ...).
    Eval,
}

/// One "… while evaluating" frame.
#[derive(Clone, Debug)]
pub struct TraceFrame {
    pub message: String,
    pub span: Option<Span>,
}

/// An evaluation error.
#[derive(Clone, Debug)]
pub struct EvalError {
    pub kind: ErrorKind,
    pub message: String,
    pub span: Option<Span>,
    /// Extra lines printed under the source snippet ("Did you mean a?").
    pub hints: Vec<String>,
    pub trace: Vec<TraceFrame>,
}

/// Results carry boxed errors so the happy path stays small.
pub type Result<T> = std::result::Result<T, Box<EvalError>>;

impl EvalError {
    /// A new error of `kind`.
    pub fn new(kind: ErrorKind, message: impl Into<String>, span: Option<Span>) -> Box<EvalError> {
        Box::new(EvalError {
            kind,
            message: message.into(),
            span,
            hints: vec![],
            trace: vec![],
        })
    }

    /// True when `tryEval` catches it.
    pub fn is_catchable(&self) -> bool {
        matches!(self.kind, ErrorKind::Throw | ErrorKind::Assert)
    }

    /// Renders the error as Nix does: `error: msg`, position, source excerpt, hints, trace.
    pub fn render(&self, sources: &SourceMap, show_trace: bool) -> String {
        let mut out = String::new();
        // Further lines of a message line up under its first, as in Nix.
        // A message that starts on the next line leaves no space after "error:", as Nix.
        let sep = if self.message.starts_with('\n') {
            ""
        } else {
            " "
        };
        let _ = write!(
            out,
            "error:{sep}{}",
            self.message.replace('\n', "\n       ")
        );
        out.push('\n');
        if let Some(span) = self.span {
            render_pos(&mut out, sources, span);
        }
        for h in &self.hints {
            let _ = writeln!(out, "       {h}");
        }
        if show_trace {
            for frame in &self.trace {
                let _ = writeln!(out, "\n       … {}", frame.message);
                if let Some(span) = frame.span {
                    render_pos(&mut out, sources, span);
                }
            }
        } else if !self.trace.is_empty() {
            out.push_str("(use '--show-trace' to show detailed location information)\n");
        }
        out
    }
}

fn render_pos(out: &mut String, sources: &SourceMap, span: Span) {
    let _ = writeln!(out, "\n       at {}:\n", sources.describe(span));
    let file = sources.file(span.file);
    let (line, col) = file.line_col(span.start);
    // The gutter is as wide as the error line's number; a longer next line number
    // overflows it, and an empty line has no space after the bar (as Nix 2.8).
    let width = line.to_string().len();
    let context = |out: &mut String, l: usize, text: &str| {
        let sep = if text.is_empty() { "" } else { " " };
        let _ = writeln!(out, "       {:>w$}|{sep}{}", l, text, w = width + 5);
    };
    let first = line.saturating_sub(1).max(1);
    for l in first..=line {
        if let Some(text) = file.line_text(l) {
            context(out, l, text);
        }
    }
    let _ = writeln!(
        out,
        "       {:>w$}| {}^",
        "",
        " ".repeat(col - 1),
        w = width + 5
    );
    // The next line, if there is one: the empty end after a file's last newline is
    // none (as Nix 2.8, which reads lines).
    if line < file.line_count()
        && let Some(text) = file.line_text(line + 1)
        && !(text.is_empty() && line + 1 == file.line_count())
    {
        context(out, line + 1, text);
    }
}
