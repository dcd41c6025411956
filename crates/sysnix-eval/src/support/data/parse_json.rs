//! `builtins.fromJSON`: a parser that behaves like nlohmann::json, the library Nix 2.8 uses.

use super::*;
use crate::support::data::parse_json_quick::QuickLexer;

/// `builtins.fromJSON`: a parser following nlohmann::json (the library Nix 2.8 uses), so
/// numbers are typed the same way and errors carry its exact messages.
///
/// A document is read first with [`QuickLexer`], which takes the common forms straight
/// from the input and gives up on anything else (an error, a `\u` escape, a byte order
/// mark); then the exact lexer reads it again, and its result and error messages are
/// nlohmann's. The quick lexer gives the same tokens as the exact one wherever it does
/// not give up, so the result does not depend on which one read the document.
pub fn from_json(s: &str) -> Result<Data, String> {
    from_json_into(s, &mut DataSink)
}

/// [`from_json`], building the document with `sink` as it is read: `builtins.fromJSON`
/// makes Nix values straight from the input, with no [`Data`] in between (half its
/// time went into building and freeing that copy).
pub fn from_json_into<S: Sink>(s: &str, sink: &mut S) -> Result<S::Value, String> {
    if let Ok(d) = JsonParser::new(QuickLexer::new(s)).parse(sink) {
        return Ok(d);
    }
    JsonParser::new(Lexer::new(s)).parse(sink)
}

/// What a parsed document is built into. Objects are built field by field in the
/// order of the input; a repeated key's last value wins.
pub trait Sink {
    type Value;
    /// An object key.
    type Key;
    /// An object under construction.
    type Object;
    fn null(&mut self) -> Self::Value;
    fn bool(&mut self, b: bool) -> Self::Value;
    fn int(&mut self, i: i64) -> Self::Value;
    fn float(&mut self, f: f64) -> Self::Value;
    fn string(&mut self, s: std::borrow::Cow<'_, str>) -> Self::Value;
    fn list(&mut self, items: Vec<Self::Value>) -> Self::Value;
    fn key(&mut self, s: std::borrow::Cow<'_, str>) -> Self::Key;
    fn object(&mut self) -> Self::Object;
    fn field(&mut self, o: &mut Self::Object, key: Self::Key, value: Self::Value);
    fn finish(&mut self, o: Self::Object) -> Self::Value;
}

/// Builds [`Data`].
pub(super) struct DataSink;

impl Sink for DataSink {
    type Value = Data;
    type Key = String;
    type Object = Vec<(String, Data)>;
    fn null(&mut self) -> Data {
        Data::Null
    }
    fn bool(&mut self, b: bool) -> Data {
        Data::Bool(b)
    }
    fn int(&mut self, i: i64) -> Data {
        Data::Int(i)
    }
    fn float(&mut self, f: f64) -> Data {
        Data::Float(f)
    }
    fn string(&mut self, s: std::borrow::Cow<'_, str>) -> Data {
        Data::String(s.into_owned())
    }
    fn list(&mut self, items: Vec<Data>) -> Data {
        Data::List(items)
    }
    fn key(&mut self, s: std::borrow::Cow<'_, str>) -> String {
        s.into_owned()
    }
    fn object(&mut self) -> Self::Object {
        Vec::new()
    }
    fn field(&mut self, o: &mut Self::Object, key: String, value: Data) {
        o.push((key, value));
    }
    fn finish(&mut self, o: Self::Object) -> Data {
        Data::Attrs(last_wins(o))
    }
}

/// What the parser needs from a lexer.
pub(super) trait Lex {
    /// Reads the next token.
    fn scan(&mut self) -> Tok;
    /// The value of the last number token.
    fn number(&self) -> Num;
    /// The last string token, used as an object key (kept whole, NULs included, like
    /// Nix's symbols).
    fn key(&mut self) -> std::borrow::Cow<'_, str>;
    /// The last string token, used as a string value. Nix builds string values from C
    /// strings, so a `\u0000` escape truncates them.
    fn string_value(&mut self) -> std::borrow::Cow<'_, str>;
    /// nlohmann's message for a syntax error at the current token `last`.
    fn syntax_error(&self, last: Tok, expected: Tok, context: &str) -> String;
    /// nlohmann's message for a number that overflows a double.
    fn overflow_error(&self) -> String;
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Tok {
    Uninit,
    True,
    False,
    Null,
    Str,
    Number,
    BeginArray,
    BeginObject,
    EndArray,
    EndObject,
    NameSep,
    ValueSep,
    ParseError,
    EndOfInput,
    LiteralOrValue,
}

pub(super) fn tok_name(t: Tok) -> &'static str {
    match t {
        Tok::Uninit => "<uninitialized>",
        Tok::True => "true literal",
        Tok::False => "false literal",
        Tok::Null => "null literal",
        Tok::Str => "string literal",
        Tok::Number => "number literal",
        Tok::BeginArray => "'['",
        Tok::BeginObject => "'{'",
        Tok::EndArray => "']'",
        Tok::EndObject => "'}'",
        Tok::NameSep => "':'",
        Tok::ValueSep => "','",
        Tok::ParseError => "<parse error>",
        Tok::EndOfInput => "end of input",
        Tok::LiteralOrValue => "'[', '{', or a literal",
    }
}

#[derive(Clone, Copy)]
pub(super) enum Num {
    Int(i64),
    Float(f64),
}

pub(super) struct Lexer<'a> {
    pub(super) input: &'a [u8],
    pub(super) idx: usize,
    pub(super) current: Option<u8>,
    pub(super) next_unget: bool,
    pub(super) chars_read_total: usize,
    pub(super) chars_read_current_line: usize,
    pub(super) lines_read: usize,
    pub(super) token_string: Vec<u8>,
    pub(super) token_buffer: Vec<u8>,
    pub(super) error_message: String,
    pub(super) number: Num,
}

pub(super) const CONTROL_NAMES: [&str; 32] = [
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
    "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
    "FS", "GS", "RS", "US",
];

pub(super) fn control_message(c: u8) -> String {
    let short = match c {
        8 => Some('b'),
        9 => Some('t'),
        10 => Some('n'),
        12 => Some('f'),
        13 => Some('r'),
        _ => None,
    };
    let mut m = format!(
        "invalid string: control character U+{:04X} ({}) must be escaped to \\u{:04X}",
        c, CONTROL_NAMES[c as usize], c
    );
    if let Some(s) = short {
        m.push_str(&format!(" or \\{s}"));
    }
    m
}

impl<'a> Lexer<'a> {
    pub(super) fn new(s: &'a str) -> Self {
        Lexer {
            input: s.as_bytes(),
            idx: 0,
            current: None,
            next_unget: false,
            chars_read_total: 0,
            chars_read_current_line: 0,
            lines_read: 0,
            token_string: Vec::new(),
            token_buffer: Vec::new(),
            error_message: String::new(),
            number: Num::Int(0),
        }
    }

    pub(super) fn get(&mut self) -> Option<u8> {
        self.chars_read_total += 1;
        self.chars_read_current_line += 1;
        if self.next_unget {
            self.next_unget = false;
        } else {
            self.current = self.input.get(self.idx).copied();
            if self.idx <= self.input.len() {
                self.idx += 1;
            }
        }
        if let Some(c) = self.current {
            self.token_string.push(c);
            if c == b'\n' {
                self.lines_read += 1;
                self.chars_read_current_line = 0;
            }
        }
        self.current
    }

    pub(super) fn unget(&mut self) {
        self.next_unget = true;
        self.chars_read_total -= 1;
        if self.chars_read_current_line == 0 {
            if self.lines_read > 0 {
                self.lines_read -= 1;
            }
        } else {
            self.chars_read_current_line -= 1;
        }
        if self.current.is_some() {
            self.token_string.pop();
        }
    }

    pub(super) fn reset(&mut self) {
        self.token_buffer.clear();
        self.token_string.clear();
        if let Some(c) = self.current {
            self.token_string.push(c);
        }
    }

    pub(super) fn token_string_escaped(&self) -> String {
        let mut out = String::new();
        let text = String::from_utf8_lossy(&self.token_string);
        for ch in text.chars() {
            if (ch as u32) <= 0x1f {
                out.push_str(&format!("<U+{:04X}>", ch as u32));
            } else {
                out.push(ch);
            }
        }
        out
    }

    pub(super) fn get_codepoint(&mut self) -> Option<u32> {
        let mut cp = 0u32;
        for _ in 0..4 {
            let c = self.get()?;
            let d = (c as char).to_digit(16)?;
            cp = cp * 16 + d;
        }
        Some(cp)
    }

    pub(super) fn scan_literal(&mut self, text: &[u8], t: Tok) -> Tok {
        for &b in &text[1..] {
            if self.get() != Some(b) {
                self.error_message = "invalid literal".into();
                return Tok::ParseError;
            }
        }
        t
    }

    pub(super) fn scan_string(&mut self) -> Tok {
        self.reset();
        loop {
            if !self.next_unget {
                // A run of bytes needing no attention (no quote, backslash or control
                // character, so no newline) is taken at once, as `get` would one by one.
                let rest = self.input.get(self.idx..).unwrap_or_default();
                let n = rest
                    .iter()
                    .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                    .unwrap_or(rest.len());
                if n > 0 {
                    let run = &rest[..n];
                    self.token_buffer.extend_from_slice(run);
                    self.token_string.extend_from_slice(run);
                    self.chars_read_total += n;
                    self.chars_read_current_line += n;
                    self.idx += n;
                    self.current = Some(run[n - 1]);
                }
            }
            let Some(c) = self.get() else {
                self.error_message = "invalid string: missing closing quote".into();
                return Tok::ParseError;
            };
            match c {
                b'"' => return Tok::Str,
                b'\\' => match self.get() {
                    Some(b'"') => self.token_buffer.push(b'"'),
                    Some(b'\\') => self.token_buffer.push(b'\\'),
                    Some(b'/') => self.token_buffer.push(b'/'),
                    Some(b'b') => self.token_buffer.push(8),
                    Some(b'f') => self.token_buffer.push(12),
                    Some(b'n') => self.token_buffer.push(b'\n'),
                    Some(b'r') => self.token_buffer.push(b'\r'),
                    Some(b't') => self.token_buffer.push(b'\t'),
                    Some(b'u') => {
                        let Some(cp1) = self.get_codepoint() else {
                            self.error_message =
                                "invalid string: '\\u' must be followed by 4 hex digits".into();
                            return Tok::ParseError;
                        };
                        let mut cp = cp1;
                        if (0xD800..=0xDBFF).contains(&cp1) {
                            if self.get() == Some(b'\\') && self.get() == Some(b'u') {
                                let Some(cp2) = self.get_codepoint() else {
                                    self.error_message =
                                        "invalid string: '\\u' must be followed by 4 hex digits"
                                            .into();
                                    return Tok::ParseError;
                                };
                                if (0xDC00..=0xDFFF).contains(&cp2) {
                                    cp = 0x10000 + ((cp1 - 0xD800) << 10) + (cp2 - 0xDC00);
                                } else {
                                    self.error_message = "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF".into();
                                    return Tok::ParseError;
                                }
                            } else {
                                self.error_message = "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF".into();
                                return Tok::ParseError;
                            }
                        } else if (0xDC00..=0xDFFF).contains(&cp1) {
                            self.error_message = "invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF".into();
                            return Tok::ParseError;
                        }
                        let ch = char::from_u32(cp).unwrap_or('\u{fffd}');
                        let mut buf = [0u8; 4];
                        self.token_buffer
                            .extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                    }
                    _ => {
                        self.error_message =
                            "invalid string: forbidden character after backslash".into();
                        return Tok::ParseError;
                    }
                },
                0..=0x1f => {
                    self.error_message = control_message(c);
                    return Tok::ParseError;
                }
                _ => self.token_buffer.push(c),
            }
        }
    }

    pub(super) fn scan_number(&mut self) -> Tok {
        self.reset();
        let mut is_int = true;
        let mut c = self.current;
        if c == Some(b'-') {
            c = self.get();
            if !matches!(c, Some(b'0'..=b'9')) {
                self.error_message = "invalid number; expected digit after '-'".into();
                return Tok::ParseError;
            }
        }
        if c == Some(b'0') {
            c = self.get();
        } else {
            loop {
                c = self.get();
                if !matches!(c, Some(b'0'..=b'9')) {
                    break;
                }
            }
        }
        if c == Some(b'.') {
            is_int = false;
            c = self.get();
            if !matches!(c, Some(b'0'..=b'9')) {
                self.error_message = "invalid number; expected digit after '.'".into();
                return Tok::ParseError;
            }
            loop {
                c = self.get();
                if !matches!(c, Some(b'0'..=b'9')) {
                    break;
                }
            }
        }
        if matches!(c, Some(b'e' | b'E')) {
            is_int = false;
            c = self.get();
            if matches!(c, Some(b'+' | b'-')) {
                c = self.get();
                if !matches!(c, Some(b'0'..=b'9')) {
                    self.error_message =
                        "invalid number; expected digit after exponent sign".into();
                    return Tok::ParseError;
                }
            } else if !matches!(c, Some(b'0'..=b'9')) {
                self.error_message =
                    "invalid number; expected '+', '-', or digit after exponent".into();
                return Tok::ParseError;
            }
            loop {
                c = self.get();
                if !matches!(c, Some(b'0'..=b'9')) {
                    break;
                }
            }
        }
        self.unget();
        let text = String::from_utf8_lossy(&self.token_string).into_owned();
        if is_int {
            if let Ok(i) = text.parse::<i64>() {
                self.number = Num::Int(i);
                return Tok::Number;
            }
            if let Ok(u) = text.parse::<u64>() {
                // Nix stores an unsigned value in its signed integer.
                self.number = Num::Int(u as i64);
                return Tok::Number;
            }
        }
        self.number = Num::Float(text.parse::<f64>().unwrap_or(f64::INFINITY));
        Tok::Number
    }

    pub(super) fn scan(&mut self) -> Tok {
        if self.chars_read_total == 0 {
            if self.get() == Some(0xEF) {
                if !(self.get() == Some(0xBB) && self.get() == Some(0xBF)) {
                    self.error_message = "invalid BOM; must be 0xEF 0xBB 0xBF if given".into();
                    return Tok::ParseError;
                }
            } else {
                self.unget();
            }
        }
        loop {
            let c = self.get();
            if !matches!(c, Some(b' ' | b'\t' | b'\n' | b'\r')) {
                break;
            }
        }
        match self.current {
            Some(b'[') => Tok::BeginArray,
            Some(b']') => Tok::EndArray,
            Some(b'{') => Tok::BeginObject,
            Some(b'}') => Tok::EndObject,
            Some(b':') => Tok::NameSep,
            Some(b',') => Tok::ValueSep,
            Some(b't') => self.scan_literal(b"true", Tok::True),
            Some(b'f') => self.scan_literal(b"false", Tok::False),
            Some(b'n') => self.scan_literal(b"null", Tok::Null),
            Some(b'"') => self.scan_string(),
            Some(b'-' | b'0'..=b'9') => self.scan_number(),
            Some(0) | None => Tok::EndOfInput,
            Some(_) => {
                self.error_message = "invalid literal".into();
                Tok::ParseError
            }
        }
    }
}

/// `b` as a string, converted lossily if it is not UTF-8 (checking first is the
/// fast way for the common valid case).
fn utf8(b: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(b)
}

/// Drops all but the last of repeated keys (Nix keeps the last).
pub(super) fn last_wins(items: Vec<(String, Data)>) -> Vec<(String, Data)> {
    // Most objects repeat no key: find that out without copying any.
    let repeats = if items.len() <= 16 {
        (1..items.len()).any(|i| items[..i].iter().any(|(k, _)| *k == items[i].0))
    } else {
        let mut keys = rustc_hash::FxHashSet::default();
        !items.iter().all(|(k, _)| keys.insert(k.as_str()))
    };
    if !repeats {
        return items;
    }
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<(String, Data)> = items
        .into_iter()
        .rev()
        .filter(|(k, _)| seen.insert(k.clone()))
        .collect();
    out.reverse();
    out
}

impl Lex for Lexer<'_> {
    fn scan(&mut self) -> Tok {
        Lexer::scan(self)
    }

    fn number(&self) -> Num {
        self.number
    }

    fn key(&mut self) -> std::borrow::Cow<'_, str> {
        utf8(&self.token_buffer)
    }

    fn string_value(&mut self) -> std::borrow::Cow<'_, str> {
        let buf = &self.token_buffer;
        let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        utf8(&buf[..end])
    }

    fn syntax_error(&self, last: Tok, expected: Tok, context: &str) -> String {
        let mut msg = String::from("syntax error ");
        if !context.is_empty() {
            msg.push_str(&format!("while parsing {context} "));
        }
        msg.push_str("- ");
        if last == Tok::ParseError {
            msg.push_str(&format!(
                "{}; last read: '{}'",
                self.error_message,
                self.token_string_escaped()
            ));
        } else {
            msg.push_str(&format!("unexpected {}", tok_name(last)));
        }
        if expected != Tok::Uninit {
            msg.push_str(&format!("; expected {}", tok_name(expected)));
        }
        format!(
            "[json.exception.parse_error.101] parse error at line {}, column {}: {msg}",
            self.lines_read + 1,
            self.chars_read_current_line
        )
    }

    fn overflow_error(&self) -> String {
        format!(
            "[json.exception.out_of_range.406] number overflow parsing '{}'",
            self.token_string_escaped()
        )
    }
}

pub(super) struct JsonParser<L> {
    pub(super) lx: L,
    pub(super) last: Tok,
}

pub(super) enum Frame<S: Sink> {
    Array(Vec<S::Value>),
    /// An object and the key of the value being read (always there between a key and
    /// the end of its value).
    Object(S::Object, Option<S::Key>),
}

impl<L: Lex> JsonParser<L> {
    pub(super) fn new(lx: L) -> Self {
        JsonParser {
            lx,
            last: Tok::Uninit,
        }
    }

    pub(super) fn get_token(&mut self) -> Tok {
        self.last = self.lx.scan();
        self.last
    }

    pub(super) fn error(&self, expected: Tok, context: &str) -> String {
        self.lx.syntax_error(self.last, expected, context)
    }

    pub(super) fn parse<S: Sink>(&mut self, sink: &mut S) -> Result<S::Value, String> {
        self.get_token();
        let mut stack: Vec<Frame<S>> = Vec::new();
        loop {
            // Parse one value (or open a container).
            let mut value = match self.last {
                Tok::BeginObject => {
                    if self.get_token() == Tok::EndObject {
                        let o = sink.object();
                        sink.finish(o)
                    } else {
                        if self.last != Tok::Str {
                            return Err(self.error(Tok::Str, "object key"));
                        }
                        let k = sink.key(self.lx.key());
                        if self.get_token() != Tok::NameSep {
                            return Err(self.error(Tok::NameSep, "object separator"));
                        }
                        stack.push(Frame::Object(sink.object(), Some(k)));
                        self.get_token();
                        continue;
                    }
                }
                Tok::BeginArray => {
                    if self.get_token() == Tok::EndArray {
                        sink.list(Vec::new())
                    } else {
                        stack.push(Frame::Array(Vec::new()));
                        continue;
                    }
                }
                Tok::Number => match self.lx.number() {
                    Num::Int(i) => sink.int(i),
                    Num::Float(f) => {
                        if !f.is_finite() {
                            return Err(self.lx.overflow_error());
                        }
                        sink.float(f)
                    }
                },
                Tok::Str => sink.string(self.lx.string_value()),
                Tok::True => sink.bool(true),
                Tok::False => sink.bool(false),
                Tok::Null => sink.null(),
                Tok::ParseError => return Err(self.error(Tok::Uninit, "value")),
                _ => return Err(self.error(Tok::LiteralOrValue, "value")),
            };
            // Attach the value to its container, closing containers as they end.
            loop {
                match stack.last_mut() {
                    None => {
                        if self.get_token() != Tok::EndOfInput {
                            return Err(self.error(Tok::EndOfInput, "value"));
                        }
                        return Ok(value);
                    }
                    Some(Frame::Array(items)) => {
                        items.push(value);
                        if self.get_token() == Tok::ValueSep {
                            self.get_token();
                            break;
                        }
                        if self.last == Tok::EndArray {
                            let Some(Frame::Array(items)) = stack.pop() else {
                                unreachable!()
                            };
                            value = sink.list(items);
                            continue;
                        }
                        return Err(self.error(Tok::EndArray, "array"));
                    }
                    Some(Frame::Object(items, key)) => {
                        if let Some(k) = key.take() {
                            sink.field(items, k, value);
                        }
                        if self.get_token() == Tok::ValueSep {
                            if self.get_token() != Tok::Str {
                                return Err(self.error(Tok::Str, "object key"));
                            }
                            let k = sink.key(self.lx.key());
                            if self.get_token() != Tok::NameSep {
                                return Err(self.error(Tok::NameSep, "object separator"));
                            }
                            if let Some(Frame::Object(_, key)) = stack.last_mut() {
                                *key = Some(k);
                            }
                            self.get_token();
                            break;
                        }
                        if self.last == Tok::EndObject {
                            let Some(Frame::Object(items, _)) = stack.pop() else {
                                unreachable!()
                            };
                            value = sink.finish(items);
                            continue;
                        }
                        return Err(self.error(Tok::EndObject, "object"));
                    }
                }
            }
        }
    }
}
