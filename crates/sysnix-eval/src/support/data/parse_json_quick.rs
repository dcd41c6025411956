//! The quick JSON lexer: the common forms of a valid document, read straight from the
//! input.
//!
//! It keeps no line or column counts and no copy of what it read (the exact lexer keeps
//! both, byte by byte, for nlohmann's error messages), and a string without escapes is
//! a slice of the input, already UTF-8. On anything else (an error, a `\u` escape, a
//! byte order mark, a NUL byte, which nlohmann reads as the end) it gives up with
//! [`Tok::ParseError`], and [`super::from_json`] reads the document again with the exact
//! lexer. Wherever it does not give up, its tokens are the exact lexer's.

use super::parse_json::{Lex, Num, Tok};
use crate::support::strings::first_json_escape;

pub(super) struct QuickLexer<'a> {
    src: &'a str,
    /// The next byte to read.
    idx: usize,
    /// The last string token, as a range of `src` when it had no escapes.
    text: (usize, usize),
    /// The last string token, unescaped, when it had escapes.
    unescaped: Option<String>,
    number: Num,
}

impl<'a> QuickLexer<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        QuickLexer {
            src,
            idx: 0,
            text: (0, 0),
            unescaped: None,
            number: Num::Int(0),
        }
    }

    fn literal(&mut self, start: usize, text: &[u8], t: Tok) -> Tok {
        if self.src.as_bytes()[start..].starts_with(text) {
            self.idx = start + text.len();
            t
        } else {
            Tok::ParseError
        }
    }

    /// A string whose opening quote was at `self.idx - 1`.
    fn string(&mut self) -> Tok {
        let b = self.src.as_bytes();
        let start = self.idx;
        let mut i = start;
        let mut out: Option<String> = None;
        loop {
            let Some(n) = first_json_escape(&b[i..]) else {
                return Tok::ParseError;
            };
            let end = i + n;
            match b[end] {
                b'"' => {
                    self.idx = end + 1;
                    match out.as_mut() {
                        None => self.text = (start, end),
                        Some(s) => s.push_str(&self.src[i..end]),
                    }
                    self.unescaped = out;
                    return Tok::Str;
                }
                b'\\' => {
                    let s = out.get_or_insert_with(String::new);
                    // Quotes and backslashes are ASCII, so each slice ends on a
                    // character boundary.
                    s.push_str(&self.src[i..end]);
                    let c = match b.get(end + 1) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        // `\u` (surrogates, NUL truncation) and bad escapes: the exact lexer.
                        _ => return Tok::ParseError,
                    };
                    s.push(c);
                    i = end + 2;
                }
                _ => return Tok::ParseError,
            }
        }
    }

    /// A number starting at `start`, as nlohmann's grammar reads it: the longest
    /// prefix of `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number_at(&mut self, start: usize) -> Tok {
        let b = self.src.as_bytes();
        let digits = |mut i: usize| {
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            i
        };
        let mut i = start;
        if b[i] == b'-' {
            i += 1;
        }
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits(i),
            _ => return Tok::ParseError,
        }
        let mut is_int = true;
        if b.get(i) == Some(&b'.') {
            is_int = false;
            if !b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                return Tok::ParseError;
            }
            i = digits(i + 1);
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            is_int = false;
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            if !b.get(i).is_some_and(u8::is_ascii_digit) {
                return Tok::ParseError;
            }
            i = digits(i);
        }
        self.idx = i;
        let text = &self.src[start..i];
        self.number = if is_int {
            // As the exact lexer: an i64, else a u64 kept in an i64, else a float.
            match text.parse::<i64>() {
                Ok(n) => Num::Int(n),
                Err(_) => match text.parse::<u64>() {
                    Ok(u) => Num::Int(u as i64),
                    Err(_) => Num::Float(text.parse().unwrap_or(f64::INFINITY)),
                },
            }
        } else {
            Num::Float(text.parse().unwrap_or(f64::INFINITY))
        };
        Tok::Number
    }
}

impl Lex for QuickLexer<'_> {
    fn scan(&mut self) -> Tok {
        let b = self.src.as_bytes();
        let mut i = self.idx;
        while b
            .get(i)
            .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
        {
            i += 1;
        }
        let Some(&c) = b.get(i) else {
            self.idx = i;
            return Tok::EndOfInput;
        };
        self.idx = i + 1;
        match c {
            b'[' => Tok::BeginArray,
            b']' => Tok::EndArray,
            b'{' => Tok::BeginObject,
            b'}' => Tok::EndObject,
            b':' => Tok::NameSep,
            b',' => Tok::ValueSep,
            b't' => self.literal(i, b"true", Tok::True),
            b'f' => self.literal(i, b"false", Tok::False),
            b'n' => self.literal(i, b"null", Tok::Null),
            b'"' => self.string(),
            b'-' | b'0'..=b'9' => self.number_at(i),
            _ => Tok::ParseError,
        }
    }

    fn number(&self) -> Num {
        self.number
    }

    fn key(&mut self) -> std::borrow::Cow<'_, str> {
        match self.unescaped.take() {
            Some(s) => std::borrow::Cow::Owned(s),
            None => std::borrow::Cow::Borrowed(&self.src[self.text.0..self.text.1]),
        }
    }

    fn string_value(&mut self) -> std::borrow::Cow<'_, str> {
        // No NUL can be in it: a raw one is an error and `\u0000` is left to the exact
        // lexer.
        self.key()
    }

    fn syntax_error(&self, _: Tok, _: Tok, _: &str) -> String {
        // Never shown: the exact lexer reads the document again for its message.
        String::new()
    }

    fn overflow_error(&self) -> String {
        String::new()
    }
}
