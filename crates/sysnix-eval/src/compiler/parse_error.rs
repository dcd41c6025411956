//! Parse errors as Nix 2.8 reports them: rnix's errors turned into the wording of
//! Nix's bison parser (the unexpected token's name, the expected tokens where Nix lists
//! them) and its lexer's (malformed paths), at the positions Nix gives.

use super::Compiler;
use crate::error::{ErrorKind, EvalError};
use crate::source::Span;

impl Compiler<'_> {
    pub(super) fn parse_error(
        &self,
        err: &rnix::ParseError,
        root: &rnix::SyntaxNode,
    ) -> Box<EvalError> {
        use rnix::ParseError as P;
        use rnix::SyntaxKind as K;
        const STRING_PARTS: [K; 3] = [
            K::TOKEN_STRING_END,
            K::TOKEN_STRING_CONTENT,
            K::TOKEN_INTERPOL_START,
        ];
        let (msg, range) = match err {
            P::Unexpected(r) | P::UnexpectedExtra(r) | P::UnexpectedWanted(_, r, _)
                if let Some((msg, at)) = self.bad_path(*r) =>
            {
                (msg, Some(rnix::TextRange::empty(at.into())))
            }
            // `...` ends a function's formals: Nix expects the closing brace after it.
            P::Unexpected(r) | P::UnexpectedExtra(r) | P::UnexpectedWanted(_, r, _)
                if let Some(at) = self.after_ellipsis(*r) =>
            {
                (
                    format!(
                        "syntax error, unexpected {}, expecting '}}'",
                        self.unexpected(at)
                    ),
                    at,
                )
            }
            // An unterminated string: rnix cannot read its rest; Nix's parser meets the
            // end of the file inside it.
            P::UnexpectedWanted(K::TOKEN_ERROR, r, wanted) if **wanted == STRING_PARTS => (
                format!(
                    "syntax error, unexpected end of file, {}",
                    self.expecting_string_end(r.start().into())
                ),
                Some(*r),
            ),
            P::UnexpectedWanted(_, r, wanted) => (
                format!(
                    "syntax error, unexpected {}{}",
                    self.bison_token(*r),
                    self.expecting(wanted, r.start().into())
                ),
                Some(*r),
            ),
            P::UnexpectedExtra(r) if self.source_from(r.start()).starts_with("/*") => {
                // An unterminated comment is a division and a `*` to Nix's lexer.
                let at = r.start() + rnix::TextSize::from(1);
                (
                    "syntax error, unexpected '*'".to_string(),
                    Some(rnix::TextRange::empty(at)),
                )
            }
            // After a whole expression Nix expects the end of the file, unless the
            // token is an operator (a second `==`, `<`, ...: its state expects more).
            P::UnexpectedExtra(r) if !self.operator_at(*r) => (
                format!(
                    "syntax error, unexpected {}, expecting end of file",
                    self.bison_token(*r)
                ),
                Some(*r),
            ),
            P::UnexpectedExtra(r) => (
                format!("syntax error, unexpected {}", self.bison_token(*r)),
                Some(*r),
            ),
            P::Unexpected(r) => (
                format!("syntax error, unexpected {}", self.bison_token(*r)),
                Some(*r),
            ),
            P::UnexpectedDoubleBind(r) => (
                "syntax error, unexpected '@', expecting ':'".to_string(),
                Some(*r),
            ),
            P::DuplicatedArgs(r, name) => (
                format!("duplicate formal function argument '{name}'"),
                Some(*r),
            ),
            P::UnexpectedEOFWanted(wanted) if **wanted == STRING_PARTS => (
                format!(
                    "syntax error, unexpected end of file, {}",
                    self.expecting_string_end(self.source.len())
                ),
                None,
            ),
            P::UnexpectedEOFWanted(_) | P::UnexpectedEOF
                if let Some(expecting) = self.expecting_in_formals_at_eof() =>
            {
                (
                    format!("syntax error, unexpected end of file, {expecting}"),
                    None,
                )
            }
            P::UnexpectedEOFWanted(wanted) => (
                format!(
                    "syntax error, unexpected end of file{}",
                    self.expecting(wanted, self.source.len())
                ),
                None,
            ),
            P::UnexpectedEOF => (
                format!(
                    "syntax error, unexpected end of file{}",
                    self.expecting_close_paren()
                ),
                None,
            ),
            P::RecursionLimitExceeded => (
                "syntax error, the expression is nested too deeply".into(),
                None,
            ),
            other => (format!("syntax error: {other}"), None),
        };
        let (msg, range) = self.after_rec_or_let(msg, range, root);
        let span = range
            .map(|r| self.span_of_range(r))
            .or_else(|| Some(self.eof_span()));
        EvalError::new(ErrorKind::Parse, msg, span)
    }

    /// Nix's parser reads `rec` and a `let` that cannot begin a `let … in` here as the
    /// start of a set (`rec { … }`, the old `let { … }`), so it expects `{` next: an
    /// error right after `rec` says so, and an error at such a `let` is Nix's at the
    /// token after it. (`range` is `None` at the end of the file.)
    fn after_rec_or_let(
        &self,
        msg: String,
        range: Option<rnix::TextRange>,
        root: &rnix::SyntaxNode,
    ) -> (String, Option<rnix::TextRange>) {
        use rnix::SyntaxKind as K;
        let at = range.map_or(self.source.len(), |r| usize::from(r.start()));
        let before = self.tokens_before(at);
        let back = |n: usize| before.len().checked_sub(n).map(|i| before[i].0);
        let (prev, before_prev) = (back(1), back(2));
        // After `rec`, and after `x @` (the start of `x @ { … }: …`).
        if prev == Some(K::TOKEN_REC)
            || (prev == Some(K::TOKEN_AT) && before_prev == Some(K::TOKEN_IDENT))
        {
            return (
                format!(
                    "syntax error, unexpected {}, expecting '{{'",
                    self.unexpected(range)
                ),
                range,
            );
        }
        let Some(r) = range else {
            return (msg, range);
        };
        // Where a binding or an attribute name starts, a `let` is just unexpected; after
        // `e ? a` no argument can follow.
        let operand_expected = !matches!(
            prev,
            Some(
                K::TOKEN_DOT
                    | K::TOKEN_QUESTION
                    | K::TOKEN_LET
                    | K::TOKEN_SEMICOLON
                    | K::TOKEN_L_BRACE
                    | K::TOKEN_REC
                    | K::TOKEN_INHERIT
                    | K::TOKEN_COMMA
            )
        );
        let prev_end = before
            .last()
            .map_or(0, |(_, text, offset)| offset + text.len());
        if self.bison_token(r) != "LET" || !operand_expected || Self::after_has_attr(root, prev_end)
        {
            return (msg, range);
        }
        // The token after `let`.
        match self.tokens_from(at).nth(1) {
            // The old `let { … }` where Nix takes it and rnix does not: rnix's error.
            Some((K::TOKEN_L_BRACE, _)) => (msg, range),
            Some((_, next)) => (
                format!(
                    "syntax error, unexpected {}, expecting '{{'",
                    self.bison_token(next)
                ),
                Some(next),
            ),
            None => (
                "syntax error, unexpected end of file, expecting '{'".to_string(),
                None,
            ),
        }
    }

    /// Whether the expression that ends at `end` (a token's end) is a test `e ? a.b`, which
    /// cannot take an argument (so a `let` after it is no old `let { … }` to Nix).
    fn after_has_attr(root: &rnix::SyntaxNode, end: usize) -> bool {
        use rnix::SyntaxKind as K;
        if end == 0 {
            return false;
        }
        let Some(token) = root
            .token_at_offset(rnix::TextSize::from((end - 1) as u32))
            .left_biased()
        else {
            return false;
        };
        token
            .parent_ancestors()
            .take_while(|n| usize::from(n.text_range().end()) >= end)
            .map(|n| n.kind())
            .find(|k| matches!(k, K::NODE_HAS_ATTR | K::NODE_SELECT | K::NODE_APPLY))
            == Some(K::NODE_HAS_ATTR)
    }

    /// Where Nix reports a token `r` in formals after `...`: at `r` when `...` comes
    /// right before it, or at the token after `...` when `r` is the `...` itself (rnix,
    /// reading `{ ...,` as a set, may stop there; `Some(None)`: at the end of the file).
    /// `None` when no `...` of formals (one after `{` or `,`, not `rec {`) is involved.
    fn after_ellipsis(&self, r: rnix::TextRange) -> Option<Option<rnix::TextRange>> {
        use rnix::SyntaxKind as K;
        let at = usize::from(r.start());
        let mut from = self.tokens_from(at);
        if let (Some((K::TOKEN_ELLIPSIS, _)), next) = (from.next(), from.next())
            && next.is_none_or(|(kind, _)| kind != K::TOKEN_R_BRACE)
            && self.opens_formal(at)
        {
            return Some(next.map(|(_, range)| range));
        }
        match self.tokens_before(at).last() {
            Some(&(K::TOKEN_ELLIPSIS, _, offset)) if self.opens_formal(offset) => Some(Some(r)),
            _ => None,
        }
    }

    /// What Nix's parser expects at the end of the file in or right after a function's
    /// formals: the closing `}` after a complete formal (`{ x, y`, `{ x ? 1`, `{ ...`),
    /// `:` or `@` after the formals (`{ x }`), an ID after `} @`, and `:` after
    /// `} @ args`. `None` elsewhere, and where a formal's default is not complete: it
    /// ends in an operator, or a keyword in it is still open (`if … then b` wants its
    /// `else`, `let … ;` its `in`, `assert c` and `with s` their `;`).
    fn expecting_in_formals_at_eof(&self) -> Option<&'static str> {
        use rnix::SyntaxKind as K;
        enum Frame {
            /// Formals: whether `x @` came before them, and the keywords of the current
            /// formal's default still open (`if`, `let`, `assert`, `with`).
            Formals {
                after_at: bool,
                open: Vec<K>,
            },
            Other,
        }
        let tokens = self.tokens_before(self.source.len());
        let kind = |i: usize| tokens.get(i).map(|t| t.0);
        let after_at = |i: usize| i.checked_sub(1).and_then(kind) == Some(K::TOKEN_AT);
        // Where a function may begin (the file's start too): formals are possible there.
        let function_may_start = |i: usize| {
            matches!(
                i.checked_sub(1).and_then(kind),
                None | Some(
                    K::TOKEN_L_PAREN
                        | K::TOKEN_ASSIGN
                        | K::TOKEN_COLON
                        | K::TOKEN_IN
                        | K::TOKEN_THEN
                        | K::TOKEN_ELSE
                        | K::TOKEN_SEMICOLON
                        | K::TOKEN_INTERPOL_START
                        | K::TOKEN_QUESTION
                )
            )
        };
        let opens_formals = |i: usize| {
            // After `@` the braces are formals; elsewhere what follows `{` tells.
            after_at(i)
                || (function_may_start(i)
                    && match kind(i + 1) {
                        Some(K::TOKEN_ELLIPSIS) => true,
                        Some(K::TOKEN_IDENT) => matches!(
                            kind(i + 2),
                            Some(K::TOKEN_COMMA | K::TOKEN_QUESTION | K::TOKEN_R_BRACE)
                        ),
                        _ => false,
                    })
        };
        let mut stack: Vec<Frame> = Vec::new();
        // The `}` that closed the last formals (its index, the stack's depth then, and
        // whether `x @` came before them).
        let mut closed_formals: Option<(usize, usize, bool)> = None;
        for (i, &(k, _, _)) in tokens.iter().enumerate() {
            match k {
                K::TOKEN_L_BRACE if opens_formals(i) => stack.push(Frame::Formals {
                    after_at: after_at(i),
                    open: Vec::new(),
                }),
                K::TOKEN_L_BRACE
                | K::TOKEN_L_PAREN
                | K::TOKEN_L_BRACK
                | K::TOKEN_INTERPOL_START => stack.push(Frame::Other),
                K::TOKEN_R_BRACE | K::TOKEN_R_PAREN | K::TOKEN_R_BRACK | K::TOKEN_INTERPOL_END => {
                    if let Some(Frame::Formals { after_at, .. }) = stack.pop() {
                        closed_formals = Some((i, stack.len(), after_at));
                    }
                }
                // Keywords count at the formals' own level (not inside brackets there).
                _ => {
                    if let Some(Frame::Formals { open, .. }) = stack.last_mut() {
                        match (k, open.last()) {
                            (K::TOKEN_COMMA, _) => open.clear(),
                            (K::TOKEN_IF | K::TOKEN_LET | K::TOKEN_ASSERT | K::TOKEN_WITH, _) => {
                                open.push(k)
                            }
                            (K::TOKEN_ELSE, Some(K::TOKEN_IF))
                            | (K::TOKEN_IN, Some(K::TOKEN_LET))
                            | (K::TOKEN_SEMICOLON, Some(K::TOKEN_ASSERT | K::TOKEN_WITH)) => {
                                open.pop();
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        let last = kind(tokens.len().checked_sub(1)?)?;
        if let Some(Frame::Formals { open, .. }) = stack.last() {
            let complete =
                ends_expression(last) || matches!(last, K::TOKEN_COMMA | K::TOKEN_ELLIPSIS);
            return (complete && open.is_empty()).then_some("expecting '}'");
        }
        let (close, depth, after_at) = closed_formals?;
        if depth != stack.len() {
            return None;
        }
        let after: Vec<K> = tokens[close + 1..].iter().map(|t| t.0).collect();
        match after[..] {
            [] if after_at => Some("expecting ':'"),
            [] => Some("expecting ':' or '@'"),
            [K::TOKEN_AT] => Some("expecting ID"),
            [K::TOKEN_AT, K::TOKEN_IDENT] => Some("expecting ':'"),
            _ => None,
        }
    }

    /// Whether the token at `at` is where a formal may stand: after `{` (not `rec {`)
    /// or `,`.
    fn opens_formal(&self, at: usize) -> bool {
        use rnix::SyntaxKind as K;
        let before = self.tokens_before(at);
        let kinds: Vec<K> = before.iter().rev().take(2).map(|t| t.0).collect();
        match kinds[..] {
            [K::TOKEN_L_BRACE, K::TOKEN_REC] => false,
            [k, ..] => matches!(k, K::TOKEN_L_BRACE | K::TOKEN_COMMA),
            [] => false,
        }
    }

    /// The tokens from `at` on (trivia left out), each with its range.
    fn tokens_from(&self, at: usize) -> impl Iterator<Item = (rnix::SyntaxKind, rnix::TextRange)> {
        let mut offset = at;
        rnix::tokenize(self.source.get(at..).unwrap_or("")).filter_map(move |(kind, text)| {
            let range = rnix::TextRange::at(
                rnix::TextSize::from(offset as u32),
                rnix::TextSize::from(text.len() as u32),
            );
            offset += text.len();
            (!kind.is_trivia()).then_some((kind, range))
        })
    }

    /// The source text from `at` on (empty past its end).
    fn source_from(&self, at: rnix::TextSize) -> &str {
        self.source.get(usize::from(at)..).unwrap_or("")
    }

    /// Whether the first token of `r` is a binary operator (`!`, unary, is not).
    fn operator_at(&self, r: rnix::TextRange) -> bool {
        use rnix::SyntaxKind as K;
        let rest = self.source_from(r.start());
        rnix::tokenize(rest)
            .find(|(k, _)| !k.is_trivia())
            .is_some_and(|(k, _)| {
                matches!(
                    k,
                    K::TOKEN_EQUAL
                        | K::TOKEN_NOT_EQUAL
                        | K::TOKEN_LESS
                        | K::TOKEN_LESS_OR_EQ
                        | K::TOKEN_MORE
                        | K::TOKEN_MORE_OR_EQ
                        | K::TOKEN_QUESTION
                        | K::TOKEN_AND_AND
                        | K::TOKEN_OR_OR
                        | K::TOKEN_IMPLICATION
                        | K::TOKEN_UPDATE
                        | K::TOKEN_CONCAT
                        | K::TOKEN_ADD
                        | K::TOKEN_SUB
                        | K::TOKEN_MUL
                        | K::TOKEN_DIV
                )
            })
    }

    /// Where Nix's parser reports the end of the file: at the whitespace after the last
    /// token, or, when the text ends right after a token, at that token's start.
    fn eof_span(&self) -> Span {
        let trimmed = self.source.trim_end().len();
        let at = if trimmed < self.source.len() {
            trimmed
        } else {
            use rnix::SyntaxKind as K;
            let is_path = |k: K| {
                matches!(
                    k,
                    K::TOKEN_PATH_ABS | K::TOKEN_PATH_REL | K::TOKEN_PATH_HOME
                )
            };
            let (mut start, mut offset) = (0, 0);
            // Whether the last token is part of a path (its text, or the `}` of an
            // interpolation in it), and for each open `${`, whether a path opened it.
            let (mut in_path, mut opened_by_path) = (false, Vec::new());
            let mut prev = None;
            for (kind, text) in rnix::tokenize(self.source) {
                start = offset;
                offset += text.len();
                in_path = match kind {
                    k if is_path(k) => true,
                    K::TOKEN_INTERPOL_START => {
                        opened_by_path.push(prev.is_some_and(is_path));
                        false
                    }
                    K::TOKEN_INTERPOL_END => opened_by_path.pop().unwrap_or(false),
                    _ => false,
                };
                prev = Some(kind);
            }
            // Nix's lexer reads a path twice (it backs up to tell a path from a
            // division), and its position ends up one column before the path's last
            // token.
            if in_path {
                start.saturating_sub(1)
            } else {
                start
            }
        };
        Span {
            file: self.file,
            start: at as u32,
            end: at as u32,
        }
    }

    /// The tokens before byte `at`, with their start offsets, trivia left out.
    fn tokens_before(&self, at: usize) -> Vec<(rnix::SyntaxKind, &str, usize)> {
        let mut out = Vec::new();
        let mut offset = 0;
        for (kind, text) in rnix::tokenize(self.source) {
            if offset >= at {
                break;
            }
            if !kind.is_trivia() {
                out.push((kind, text, offset));
            }
            offset += text.len();
        }
        out
    }

    /// Bison's list of expected tokens, for the states where Nix's parser has at most
    /// four (it lists none otherwise); empty where rnix's set does not tell which.
    fn expecting(&self, wanted: &[rnix::SyntaxKind], at: usize) -> &'static str {
        use rnix::SyntaxKind as K;
        match wanted {
            [K::TOKEN_SEMICOLON] => ", expecting ';'",
            [K::TOKEN_THEN] => ", expecting THEN",
            [K::TOKEN_ELSE] => ", expecting ELSE",
            [K::TOKEN_INTERPOL_END] => ", expecting '}'",
            // After an attribute name in a binding.
            [K::TOKEN_ASSIGN] => ", expecting '.' or '='",
            // An attribute name after `.` or `?` (after `inherit` Nix expects more).
            [K::TOKEN_IDENT, K::TOKEN_OR, K::TOKEN_CUR_POS]
                if self
                    .tokens_before(at)
                    .last()
                    .is_some_and(|t| matches!(t.0, K::TOKEN_DOT | K::TOKEN_QUESTION)) =>
            {
                ", expecting ID or OR_KW or DOLLAR_CURLY or '\"'"
            }
            _ => "",
        }
    }

    /// What Nix expects at the end of a file inside a string: its closing quote.
    fn expecting_string_end(&self, at: usize) -> &'static str {
        use rnix::SyntaxKind as K;
        // The innermost string still open at `at`.
        let mut open: Vec<bool> = Vec::new();
        for (kind, text, _) in self.tokens_before(at) {
            match kind {
                K::TOKEN_STRING_START => open.push(text.starts_with("''")),
                K::TOKEN_STRING_END => {
                    open.pop();
                }
                _ => {}
            }
        }
        if open.last() == Some(&true) {
            "expecting IND_STR or DOLLAR_CURLY or IND_STRING_CLOSE"
        } else {
            "expecting '\"'"
        }
    }

    /// At the end of the file after a complete expression inside parentheses, Nix's
    /// parser expects only the `)`.
    fn expecting_close_paren(&self) -> &'static str {
        use rnix::SyntaxKind as K;
        let tokens = self.tokens_before(self.source.len());
        let mut depth: Vec<K> = Vec::new();
        for (kind, _, _) in &tokens {
            match kind {
                K::TOKEN_L_PAREN
                | K::TOKEN_L_BRACK
                | K::TOKEN_L_BRACE
                | K::TOKEN_INTERPOL_START => depth.push(*kind),
                K::TOKEN_R_PAREN | K::TOKEN_R_BRACK | K::TOKEN_R_BRACE | K::TOKEN_INTERPOL_END => {
                    depth.pop();
                }
                _ => {}
            }
        }
        let complete = tokens.last().is_some_and(|t| ends_expression(t.0));
        if complete && depth.last() == Some(&K::TOKEN_L_PAREN) {
            ", expecting ')'"
        } else {
            ""
        }
    }

    /// Nix's lexer's errors for a malformed path at the start of `r` (a token rnix
    /// could not read): a trailing slash (`./dir/`, reported just after it) or an empty
    /// segment (`./a//b`, reported at the second slash, where Nix's parser wanted a
    /// `${`). The message and where it points.
    fn bad_path(&self, r: rnix::TextRange) -> Option<(String, u32)> {
        let start = usize::from(r.start());
        let rest = self.source.get(start..).unwrap_or("");
        // The first token after any whitespace and comments, and its offset.
        let mut lead = 0;
        let mut first = None;
        for (kind, text) in rnix::tokenize(rest) {
            if !kind.is_trivia() {
                first = Some((kind, text));
                break;
            }
            lead += text.len();
        }
        let (kind, text) = first?;
        let text = text.to_string();
        let pathlike = text.starts_with("./")
            || text.starts_with("../")
            || text.starts_with("~/")
            || (text.starts_with('/') && text.len() > 1);
        if kind != rnix::SyntaxKind::TOKEN_ERROR || !pathlike || text.contains(char::is_whitespace)
        {
            return None;
        }
        let at = (start + lead) as u32;
        if let Some(i) = text.find("//") {
            let msg = "syntax error, unexpected PATH_END, expecting DOLLAR_CURLY".to_string();
            return Some((msg, at + i as u32 + 1));
        }
        if text.ends_with('/') {
            return Some(("path has a trailing slash".into(), at + text.len() as u32));
        }
        None
    }

    /// [`Compiler::bison_token`] of `range`, `None` being the end of the file.
    fn unexpected(&self, range: Option<rnix::TextRange>) -> String {
        range.map_or_else(|| "end of file".into(), |r| self.bison_token(r))
    }

    /// Names the token at the start of `r` the way Nix's bison parser does.
    pub(super) fn bison_token(&self, r: rnix::TextRange) -> String {
        let rest = self.source_from(r.start());
        let tokens = rnix::tokenize(rest);
        let Some((kind, text)) = tokens.into_iter().find(|(k, _)| !k.is_trivia()) else {
            return "end of file".into();
        };
        use rnix::SyntaxKind as K;
        let named = match kind {
            K::TOKEN_IF => "IF",
            K::TOKEN_THEN => "THEN",
            K::TOKEN_ELSE => "ELSE",
            K::TOKEN_ASSERT => "ASSERT",
            K::TOKEN_WITH => "WITH",
            K::TOKEN_LET => "LET",
            K::TOKEN_IN => "IN",
            K::TOKEN_REC => "REC",
            K::TOKEN_INHERIT => "INHERIT",
            K::TOKEN_OR => "OR_KW",
            K::TOKEN_EQUAL => "EQ",
            K::TOKEN_NOT_EQUAL => "NEQ",
            K::TOKEN_LESS_OR_EQ => "LEQ",
            K::TOKEN_MORE_OR_EQ => "GEQ",
            K::TOKEN_AND_AND => "AND",
            K::TOKEN_OR_OR => "OR",
            K::TOKEN_IMPLICATION => "IMPL",
            K::TOKEN_UPDATE => "UPDATE",
            K::TOKEN_CONCAT => "CONCAT",
            K::TOKEN_IDENT => "ID",
            K::TOKEN_INTEGER => "INT",
            K::TOKEN_FLOAT => "FLOAT",
            K::TOKEN_ELLIPSIS => "ELLIPSIS",
            K::TOKEN_INTERPOL_START => "DOLLAR_CURLY",
            K::TOKEN_PATH_ABS | K::TOKEN_PATH_REL => "PATH",
            K::TOKEN_PATH_HOME => "HPATH",
            K::TOKEN_PATH_SEARCH => "SPATH",
            K::TOKEN_URI => "URI",
            K::TOKEN_STRING_START if text == "''" => "IND_STRING_OPEN",
            // An unterminated comment: Nix's lexer reads its `/` as a division.
            K::TOKEN_ERROR if text.starts_with("/*") => "'/'",
            K::TOKEN_ERROR => "invalid token",
            _ => "",
        };
        if !named.is_empty() {
            return named.to_string();
        }
        let t = text.to_string();
        if t.chars().count() == 1 {
            format!("'{t}'")
        } else {
            format!("'{}'", t.chars().next().unwrap_or(' '))
        }
    }
}

/// Whether a token can end a complete expression (a name, a literal, a closing bracket
/// or quote, a path or URI).
fn ends_expression(kind: rnix::SyntaxKind) -> bool {
    use rnix::SyntaxKind as K;
    matches!(
        kind,
        K::TOKEN_IDENT
            | K::TOKEN_INTEGER
            | K::TOKEN_FLOAT
            | K::TOKEN_R_PAREN
            | K::TOKEN_R_BRACK
            | K::TOKEN_R_BRACE
            | K::TOKEN_STRING_END
            | K::TOKEN_INTERPOL_END
            | K::TOKEN_PATH_ABS
            | K::TOKEN_PATH_REL
            | K::TOKEN_PATH_HOME
            | K::TOKEN_PATH_SEARCH
            | K::TOKEN_URI
    )
}
