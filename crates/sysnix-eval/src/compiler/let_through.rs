//! Syntax errors rnix lets through.
//!
//! Where rnix's grammar is wider than Nix's, these find the syntax error Nix gives, as
//! the first error of the file (Nix reads a whole file before it resolves a name):
//!
//! * rnix takes a function (`x: …`, `{ … }: …`) as an operand, a function's argument,
//!   a list element or a select's default, where Nix's grammar takes only an
//!   expression that needs no parentheses there: Nix rejects `f x: 1` or `1 + x: 1`;
//! * rnix closes parentheses with whatever token follows the expression in them:
//!   `(1 ]` is `1` to it, an error to Nix;
//! * rnix takes an indented string (`''a''`) as an attribute name, Nix only `"a"`;
//! * rnix continues a path with an interpolation after a space (`./p ${x}`, a tree its
//!   own reader then panics on), where Nix's path has ended and `${` cannot follow.
//!
//! The compiler asks cheaply where such a node can stand (one kind test on the nodes it
//! compiles anyway); the whole file is searched only on an error path.

use super::Compiler;
use crate::error::{ErrorKind, EvalError};

impl Compiler<'_> {
    /// Whether `node`, a function, stands where Nix's grammar takes none.
    pub(super) fn misplaced_function(node: &rnix::SyntaxNode) -> bool {
        use rnix::SyntaxKind as K;
        node.parent().is_some_and(|p| {
            matches!(
                p.kind(),
                K::NODE_APPLY
                    | K::NODE_BIN_OP
                    | K::NODE_UNARY_OP
                    | K::NODE_LIST
                    | K::NODE_SELECT
                    | K::NODE_HAS_ATTR
            )
        })
    }

    /// The token that closes the parentheses `paren` when it is not `)`.
    pub(super) fn wrong_close_paren(paren: &rnix::SyntaxNode) -> Option<rnix::SyntaxToken> {
        use rnix::SyntaxKind as K;
        // The closer is the paren's own last token; at the end of the file there is
        // none (the expression, or `(`, comes last), and rnix reported that.
        let last = paren
            .children_with_tokens()
            .filter(|e| !e.kind().is_trivia())
            .last()?
            .into_token()?;
        (!matches!(last.kind(), K::TOKEN_R_PAREN | K::TOKEN_L_PAREN)).then_some(last)
    }

    /// Whether `string`, an attribute name, is an indented string.
    pub(super) fn indented_name(string: &rnix::SyntaxNode) -> bool {
        string
            .first_token()
            .is_some_and(|t| t.kind() == rnix::SyntaxKind::TOKEN_STRING_START && t.text() == "''")
    }

    /// The `${` of a path node that continues after whitespace or a comment.
    pub(super) fn split_path(path: &rnix::SyntaxNode) -> Option<rnix::SyntaxNode> {
        let mut gap = false;
        for child in path.children_with_tokens() {
            match child {
                rowan::NodeOrToken::Token(t) if t.kind().is_trivia() => gap = true,
                rowan::NodeOrToken::Node(n) if gap => return Some(n),
                _ => {}
            }
        }
        None
    }

    /// The first syntax error (in the source) that rnix let through in the file whose
    /// tree holds `node`, as Nix reports it.
    pub(super) fn let_through_error(&self, node: &rnix::SyntaxNode) -> Option<Box<EvalError>> {
        use rnix::SyntaxKind as K;
        let root = node.ancestors().last()?;
        root.descendants()
            .filter_map(|n| match n.kind() {
                K::NODE_LAMBDA if Self::misplaced_function(&n) => self.function_error(&n),
                K::NODE_STRING => self.indented_name_error(&n),
                K::NODE_PATH_ABS | K::NODE_PATH_REL | K::NODE_PATH_HOME => Self::split_path(&n)
                    .map(|interpol| {
                        (
                            u32::from(interpol.text_range().start()),
                            format!(
                                "syntax error, unexpected DOLLAR_CURLY{}",
                                self.expecting_after(&n)
                            ),
                        )
                    }),
                K::NODE_PAREN => Self::wrong_close_paren(&n).map(|t| {
                    (
                        u32::from(t.text_range().start()),
                        format!(
                            "syntax error, unexpected {}, expecting ')'",
                            self.bison_token(t.text_range())
                        ),
                    )
                }),
                _ => None,
            })
            .min_by_key(|(at, _)| *at)
            .map(|(at, msg)| {
                let at = rnix::TextSize::from(at);
                EvalError::new(
                    ErrorKind::Parse,
                    msg,
                    Some(self.span_of_range(rnix::TextRange::empty(at))),
                )
            })
    }

    /// Nix's error for `string` when it is an indented string used as an attribute name.
    fn indented_name_error(&self, string: &rnix::SyntaxNode) -> Option<(u32, String)> {
        use rnix::SyntaxKind as K;
        let parent = string.parent()?;
        if !Self::indented_name(string)
            || !matches!(parent.kind(), K::NODE_ATTRPATH | K::NODE_INHERIT)
        {
            return None;
        }
        // After `.` or `?` Nix's parser lists what a name may be; where a binding starts
        // it lists nothing.
        let prev = string
            .first_token()
            .and_then(|t| t.prev_token())
            .into_iter()
            .flat_map(|t| std::iter::successors(Some(t), |t| t.prev_token()))
            .find(|t| !t.kind().is_trivia());
        let expecting = match prev.map(|t| t.kind()) {
            Some(K::TOKEN_DOT | K::TOKEN_QUESTION) => {
                ", expecting ID or OR_KW or DOLLAR_CURLY or '\"'"
            }
            _ => "",
        };
        Some((
            u32::from(string.text_range().start()),
            format!("syntax error, unexpected IND_STRING_OPEN{expecting}"),
        ))
    }

    /// Where and how Nix's parser fails on the misplaced function `lambda`: it reads
    /// `x` or `{ … }` as an operand, then meets the `:` or `@` that makes it a function
    /// (or, inside the braces, what cannot begin an attribute).
    fn function_error(&self, lambda: &rnix::SyntaxNode) -> Option<(u32, String)> {
        use rnix::SyntaxKind as K;
        let tokens: Vec<rnix::SyntaxToken> = lambda
            .descendants_with_tokens()
            .filter_map(|e| e.into_token())
            .filter(|t| !t.kind().is_trivia())
            .collect();
        let at = |t: &rnix::SyntaxToken| u32::from(t.text_range().start());
        let first = tokens.first()?;
        let after_operand = |t: &rnix::SyntaxToken| {
            let name = if t.kind() == K::TOKEN_AT {
                "'@'"
            } else {
                "':'"
            };
            (
                at(t),
                format!(
                    "syntax error, unexpected {name}{}",
                    self.expecting_after(lambda)
                ),
            )
        };
        if first.kind() == K::TOKEN_IDENT {
            // `x: …` or `x @ { … }: …`: `x` is an operand, the next token cannot follow.
            return Some(after_operand(tokens.get(1)?));
        }
        // `{ … }: …`: Nix reads a set. `{ }` is one, and the `:` or `@` after it is the
        // error; otherwise the error is inside the braces.
        let second = tokens.get(1)?;
        match second.kind() {
            K::TOKEN_R_BRACE => Some(after_operand(tokens.get(2)?)),
            K::TOKEN_ELLIPSIS => Some((at(second), "syntax error, unexpected ELLIPSIS".into())),
            K::TOKEN_IDENT => {
                let third = tokens.get(2)?;
                Some((
                    at(third),
                    format!(
                        "syntax error, unexpected {}, expecting '.' or '='",
                        self.bison_token(third.text_range())
                    ),
                ))
            }
            _ => None,
        }
    }

    /// What Nix's parser expects after an expression that ends where `node` starts: the
    /// token that follows an expression in the construct around it (`)` in parentheses,
    /// `;` after a binding's value, `THEN` after a condition, …), or nothing for a list
    /// element, whose end could be followed by many.
    fn expecting_after(&self, node: &rnix::SyntaxNode) -> &'static str {
        use rnix::SyntaxKind as K;
        let mut child = node.clone();
        while let Some(parent) = child.parent() {
            // Which expression of its parent `child` is (conditions come first).
            let index = parent
                .children()
                .position(|c| c == child)
                .unwrap_or_default();
            let found = match parent.kind() {
                K::NODE_ROOT => Some(", expecting end of file"),
                K::NODE_PAREN | K::NODE_INHERIT_FROM => Some(", expecting ')'"),
                K::NODE_ATTRPATH_VALUE => Some(", expecting ';'"),
                K::NODE_INTERPOL | K::NODE_DYNAMIC | K::NODE_PAT_ENTRY => Some(", expecting '}'"),
                K::NODE_IF_ELSE if index == 0 => Some(", expecting THEN"),
                K::NODE_IF_ELSE if index == 1 => Some(", expecting ELSE"),
                K::NODE_ASSERT | K::NODE_WITH if index == 0 => Some(", expecting ';'"),
                // The expression ends where the construct around it ends.
                K::NODE_IF_ELSE
                | K::NODE_ASSERT
                | K::NODE_WITH
                | K::NODE_LAMBDA
                | K::NODE_LET_IN
                | K::NODE_APPLY
                | K::NODE_BIN_OP
                | K::NODE_UNARY_OP
                | K::NODE_SELECT
                | K::NODE_HAS_ATTR => None,
                _ => Some(""),
            };
            if let Some(s) = found {
                return s;
            }
            child = parent;
        }
        ""
    }
}
