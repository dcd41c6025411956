//! Plain data parsed from JSON or TOML, before it becomes Nix values.
//!
//! Behaviour checked against Nix 2.8 (`builtins.fromJSON` uses
//! nlohmann::json, `builtins.fromTOML` uses toml11):
//!
//! * JSON integers that fit `i64` are ints, integers up to `u64::MAX` wrap
//!   into `i64` (`18446744073709551615` is `-1`), larger ones and anything
//!   with a fraction or exponent are floats; float overflow is an error
//!   (`number overflow parsing '1e400'`);
//! * duplicate JSON keys: the last one wins;
//! * string *values* are C strings in Nix, so they stop at the first NUL
//!   (`"a\u0000b"` is `"a"`); keys keep their NULs;
//! * JSON error messages are nlohmann's (`[json.exception.parse_error.101]
//!   parse error at line 1, column 5: ...`);
//! * TOML: every date/time kind is an error (`Dates and times are not
//!   supported`); out-of-range decimal/hexadecimal/octal integers saturate,
//!   binary ones wrap; overflowing floats become ±1.79769e+308; errors give
//!   the first line of toml11's message for the common cases.
//!
//! Known TOML divergences (the `toml` crate does the parsing): toml11
//! accepts a `[table]` header for a table that dotted keys already created
//! (`a.b = 1` then `[a]`) while this rejects it; nesting deeper than 80
//! arrays/inline tables is rejected; some toml11 leniencies (e.g. `"\u00"`)
//! are errors here; only the first line of toml11's multi-line error
//! messages (the source excerpt is not reproduced) and only for the error
//! kinds listed in `toml11_message`.

/// A parsed document.
#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    /// `null` (JSON only).
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A string.
    String(String),
    /// An array.
    List(Vec<Data>),
    /// An object / table (keys are unique; the order is unspecified).
    Attrs(Vec<(String, Data)>),
}

/// `builtins.fromJSON`: a parser following nlohmann::json (the library Nix 2.8 uses), so
/// numbers are typed the same way and errors carry its exact messages.
pub fn from_json(s: &str) -> Result<Data, String> {
    let mut p = JsonParser {
        lx: Lexer {
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
        },
        last: Tok::Uninit,
    };
    p.parse()
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Tok {
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

fn tok_name(t: Tok) -> &'static str {
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
enum Num {
    Int(i64),
    Float(f64),
}

struct Lexer<'a> {
    input: &'a [u8],
    idx: usize,
    current: Option<u8>,
    next_unget: bool,
    chars_read_total: usize,
    chars_read_current_line: usize,
    lines_read: usize,
    token_string: Vec<u8>,
    token_buffer: Vec<u8>,
    error_message: String,
    number: Num,
}

const CONTROL_NAMES: [&str; 32] = [
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
    "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
    "FS", "GS", "RS", "US",
];

fn control_message(c: u8) -> String {
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

impl Lexer<'_> {
    fn get(&mut self) -> Option<u8> {
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

    fn unget(&mut self) {
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

    fn reset(&mut self) {
        self.token_buffer.clear();
        self.token_string.clear();
        if let Some(c) = self.current {
            self.token_string.push(c);
        }
    }

    fn token_string_escaped(&self) -> String {
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

    fn get_codepoint(&mut self) -> Option<u32> {
        let mut cp = 0u32;
        for _ in 0..4 {
            let c = self.get()?;
            let d = (c as char).to_digit(16)?;
            cp = cp * 16 + d;
        }
        Some(cp)
    }

    fn scan_literal(&mut self, text: &[u8], t: Tok) -> Tok {
        for &b in &text[1..] {
            if self.get() != Some(b) {
                self.error_message = "invalid literal".into();
                return Tok::ParseError;
            }
        }
        t
    }

    fn scan_string(&mut self) -> Tok {
        self.reset();
        loop {
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

    fn scan_number(&mut self) -> Tok {
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

    fn scan(&mut self) -> Tok {
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

/// Drops all but the last of repeated keys (Nix keeps the last).
fn last_wins(items: Vec<(String, Data)>) -> Vec<(String, Data)> {
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<(String, Data)> = items
        .into_iter()
        .rev()
        .filter(|(k, _)| seen.insert(k.clone()))
        .collect();
    out.reverse();
    out
}

struct JsonParser<'a> {
    lx: Lexer<'a>,
    last: Tok,
}

enum Frame {
    Array(Vec<Data>),
    Object(Vec<(String, Data)>, String),
}

impl JsonParser<'_> {
    fn get_token(&mut self) -> Tok {
        self.last = self.lx.scan();
        self.last
    }

    fn error(&self, expected: Tok, context: &str) -> String {
        let mut msg = String::from("syntax error ");
        if !context.is_empty() {
            msg.push_str(&format!("while parsing {context} "));
        }
        msg.push_str("- ");
        if self.last == Tok::ParseError {
            msg.push_str(&format!(
                "{}; last read: '{}'",
                self.lx.error_message,
                self.lx.token_string_escaped()
            ));
        } else {
            msg.push_str(&format!("unexpected {}", tok_name(self.last)));
        }
        if expected != Tok::Uninit {
            msg.push_str(&format!("; expected {}", tok_name(expected)));
        }
        format!(
            "[json.exception.parse_error.101] parse error at line {}, column {}: {msg}",
            self.lx.lines_read + 1,
            self.lx.chars_read_current_line
        )
    }

    /// The last string token, used as an object key (kept whole, NULs
    /// included, like Nix's symbols).
    fn key(&self) -> String {
        String::from_utf8_lossy(&self.lx.token_buffer).into_owned()
    }

    /// The last string token, used as a string value.  Nix builds string
    /// values from C strings, so a `\u0000` escape truncates them.
    fn string_value(&self) -> String {
        let buf = &self.lx.token_buffer;
        let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        String::from_utf8_lossy(&buf[..end]).into_owned()
    }

    fn parse(&mut self) -> Result<Data, String> {
        self.get_token();
        let mut stack: Vec<Frame> = Vec::new();
        loop {
            // Parse one value (or open a container).
            let mut value = match self.last {
                Tok::BeginObject => {
                    if self.get_token() == Tok::EndObject {
                        Data::Attrs(Vec::new())
                    } else {
                        if self.last != Tok::Str {
                            return Err(self.error(Tok::Str, "object key"));
                        }
                        let k = self.key();
                        if self.get_token() != Tok::NameSep {
                            return Err(self.error(Tok::NameSep, "object separator"));
                        }
                        stack.push(Frame::Object(Vec::new(), k));
                        self.get_token();
                        continue;
                    }
                }
                Tok::BeginArray => {
                    if self.get_token() == Tok::EndArray {
                        Data::List(Vec::new())
                    } else {
                        stack.push(Frame::Array(Vec::new()));
                        continue;
                    }
                }
                Tok::Number => match self.lx.number {
                    Num::Int(i) => Data::Int(i),
                    Num::Float(f) => {
                        if !f.is_finite() {
                            return Err(format!(
                                "[json.exception.out_of_range.406] number overflow parsing '{}'",
                                self.lx.token_string_escaped()
                            ));
                        }
                        Data::Float(f)
                    }
                },
                Tok::Str => Data::String(self.string_value()),
                Tok::True => Data::Bool(true),
                Tok::False => Data::Bool(false),
                Tok::Null => Data::Null,
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
                            value = Data::List(items);
                            continue;
                        }
                        return Err(self.error(Tok::EndArray, "array"));
                    }
                    Some(Frame::Object(items, key)) => {
                        let k = std::mem::take(key);
                        items.push((k, value));
                        if self.get_token() == Tok::ValueSep {
                            if self.get_token() != Tok::Str {
                                return Err(self.error(Tok::Str, "object key"));
                            }
                            let k = self.key();
                            if self.get_token() != Tok::NameSep {
                                return Err(self.error(Tok::NameSep, "object separator"));
                            }
                            if let Some(Frame::Object(_, key)) = stack.last_mut() {
                                *key = k;
                            }
                            self.get_token();
                            break;
                        }
                        if self.last == Tok::EndObject {
                            let Some(Frame::Object(items, _)) = stack.pop() else {
                                unreachable!()
                            };
                            value = Data::Attrs(last_wins(items));
                            continue;
                        }
                        return Err(self.error(Tok::EndObject, "object"));
                    }
                }
            }
        }
    }
}

/// Converts a parsed document.  `neg_inf_literal` says whether the source
/// spells `-inf` anywhere: the `toml` crate turns overflowing negative floats
/// into `-inf` without an error, while toml11 gives the most negative finite
/// float.
fn from_toml_value(v: toml::Value, neg_inf_literal: bool) -> Result<Data, String> {
    let conv = |v| from_toml_value(v, neg_inf_literal);
    Ok(match v {
        // String values are C strings in Nix: cut at the first NUL (keys are
        // kept whole).
        toml::Value::String(mut s) => {
            if let Some(i) = s.find('\0') {
                s.truncate(i);
            }
            Data::String(s)
        }
        toml::Value::Integer(i) => Data::Int(i),
        toml::Value::Float(f) if f == f64::NEG_INFINITY && !neg_inf_literal => {
            Data::Float(f64::MIN)
        }
        toml::Value::Float(f) => Data::Float(f),
        toml::Value::Boolean(b) => Data::Bool(b),
        // Nix 2.8 rejects every kind of date and time.
        toml::Value::Datetime(_) => return Err("Dates and times are not supported".into()),
        toml::Value::Array(a) => Data::List(a.into_iter().map(conv).collect::<Result<_, _>>()?),
        toml::Value::Table(t) => Data::Attrs(
            t.into_iter()
                .map(|(k, v)| Ok((k, conv(v)?)))
                .collect::<Result<_, String>>()?,
        ),
    })
}

/// The number literal starting at byte `at`.
fn literal_at(src: &str, at: usize) -> &str {
    let rest = src.get(at..).unwrap_or("");
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '-' | '.')))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// toml11 reads numbers with C++ streams (decimal, hexadecimal and octal
/// integers saturate, floats overflow to the largest finite value) and
/// accumulates binary integers with wrap-around; the `toml` crate rejects
/// all of these.  Returns the replacement text for a literal the `toml`
/// crate rejected, if toml11 would have accepted it.
fn toml11_number(lit: &str) -> Option<String> {
    let clean: String = lit.chars().filter(|&c| c != '_').collect();
    let (neg, body) = match clean.as_bytes().first() {
        Some(b'-') => (true, &clean[1..]),
        Some(b'+') => (false, &clean[1..]),
        _ => (false, clean.as_str()),
    };
    if body.is_empty() {
        return None;
    }
    let digits_ok = |s: &str, radix: u32| !s.is_empty() && s.chars().all(|c| c.is_digit(radix));
    if let Some(b) = body.strip_prefix("0b") {
        if !digits_ok(b, 2) {
            return None;
        }
        let mut v: u64 = 0;
        for c in b.bytes() {
            v = v.wrapping_mul(2).wrapping_add((c - b'0') as u64);
        }
        return Some((v as i64).to_string());
    }
    if let Some(h) = body.strip_prefix("0x") {
        return digits_ok(h, 16).then(|| i64::MAX.to_string());
    }
    if let Some(o) = body.strip_prefix("0o") {
        return digits_ok(o, 8).then(|| i64::MAX.to_string());
    }
    if digits_ok(body, 10) {
        return Some(if neg { i64::MIN } else { i64::MAX }.to_string());
    }
    let f: f64 = clean.parse().ok()?;
    if f.is_infinite() && !body.starts_with("inf") {
        return Some(
            if neg {
                "-1.7976931348623157e308"
            } else {
                "1.7976931348623157e308"
            }
            .to_string(),
        );
    }
    None
}

fn is_number_error(msg: &str) -> bool {
    let first = msg.lines().next().unwrap_or("");
    first == "number too large to fit in target type"
        || first == "number too small to fit in target type"
        || first == "invalid floating-point number"
}

/// `builtins.fromTOML`.  Values follow toml11 (the library Nix 2.8 uses) as
/// far as observed: out-of-range integers saturate (binary ones wrap),
/// overflowing floats become the largest finite float, string values are cut
/// at NUL, and any date or time is an error.  Error messages reproduce the
/// first line of toml11's message for the common errors.
pub fn from_toml(s: &str) -> Result<Data, String> {
    let mut src = std::borrow::Cow::Borrowed(s);
    loop {
        match src.parse::<toml::Table>() {
            Ok(table) => {
                return from_toml_value(toml::Value::Table(table), s.contains("-inf"))
                    .map_err(|m| format!("while parsing a TOML string: {m}"));
            }
            Err(e) => {
                if let Some(fixed) = fix_number_literal(&src, &e) {
                    src = std::borrow::Cow::Owned(fixed);
                    continue;
                }
                return Err(format!(
                    "while parsing a TOML string: {}",
                    toml11_message(&src, &e)
                ));
            }
        }
    }
}

/// If `e` is a number the `toml` crate rejects but toml11 accepts, `src`
/// with that literal replaced by the value toml11 reads.
fn fix_number_literal(src: &str, e: &toml::de::Error) -> Option<String> {
    if !is_number_error(e.message()) {
        return None;
    }
    let at = char_floor(src, e.span()?.start);
    let lit = literal_at(src, at);
    let rep = toml11_number(lit)?;
    if rep == lit {
        return None;
    }
    let mut fixed = String::with_capacity(src.len() + rep.len());
    fixed.push_str(&src[..at]);
    fixed.push_str(&rep);
    fixed.push_str(&src[at + lit.len()..]);
    Some(fixed)
}

/// A dotted key as toml11 prints it: components without quotes, joined by
/// dots.
fn normalize_key(k: &str) -> String {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut chars = k.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                for d in chars.by_ref() {
                    if d == c {
                        break;
                    }
                    cur.push(d);
                }
            }
            '.' => parts.push(std::mem::take(&mut cur)),
            c if c.is_whitespace() => {}
            c => cur.push(c),
        }
    }
    parts.push(cur);
    parts.join(".")
}

/// `at` clamped to the string and moved back to a character boundary.
fn char_floor(src: &str, at: usize) -> usize {
    let mut at = at.min(src.len());
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The text of the (logical) line containing byte `at`, and the offset of
/// `at` in it.
fn line_around(src: &str, at: usize) -> (&str, usize) {
    let at = char_floor(src, at);
    let start = src[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let end = src[at..].find('\n').map(|i| at + i).unwrap_or(src.len());
    (&src[start..end], at - start)
}

/// For a table header line (`[a.b]` / `[[a.b]]`), the normalized key.
fn header_key(line: &str) -> Option<(bool, String)> {
    let t = line.trim_start();
    let array = t.starts_with("[[");
    let inner = t.strip_prefix(if array { "[[" } else { "[" })?;
    let close = inner.find(']')?;
    Some((array, normalize_key(&inner[..close])))
}

/// The message toml11 gives for a duplicate definition reported at `at`.
fn duplicate_message(src: &str, at: usize, crate_key: &str) -> String {
    let (line, col) = line_around(src, at);
    if let Some((array, key)) = header_key(line) {
        // What was there before?  Look for earlier headers with this key.
        let before = &src[..char_floor(src, at)];
        let mut earlier_table = false;
        let mut earlier_array = false;
        for (a, _) in before
            .lines()
            .filter_map(header_key)
            .filter(|(_, k)| *k == key)
        {
            if a {
                earlier_array = true;
            } else {
                earlier_table = true;
            }
        }
        if array {
            if earlier_table {
                format!("[error] toml::insert_value: array of table (\"{key}\") cannot be defined")
            } else {
                format!(
                    "[error] toml::insert_value: array of table (\"{key}\") collides with existing value"
                )
            }
        } else if earlier_array {
            format!("[error] toml::insert_value: array of tables (\"{key}\") already exists.")
        } else if earlier_table {
            format!("[error] toml::insert_value: table (\"{key}\") already exists.")
        } else {
            // Defined by a key/value pair: an inline table counts as a table.
            let last = key.rsplit('.').next().unwrap_or(&key).to_string();
            let inline = before.lines().any(|l| {
                l.split_once('=').is_some_and(|(k, v)| {
                    normalize_key(k).rsplit('.').next() == Some(last.as_str())
                        && v.trim_start().starts_with('{')
                })
            });
            let what = if inline { "table" } else { "value" };
            format!("[error] toml::insert_value: {what} (\"{key}\") already exists.")
        }
    } else {
        // A key/value pair: the key as written at the error position.
        let rest = &line[col.min(line.len())..];
        let key = match rest.find('=') {
            Some(eq) if !line[..col].contains('{') => normalize_key(&line[..col + eq]),
            Some(eq) => normalize_key(&rest[..eq]),
            None => crate_key.to_string(),
        };
        format!("[error] toml::insert_value: value (\"{key}\") already exists.")
    }
}

/// The first line of the message toml11 gives for an error the `toml` crate
/// reports as `e`, as far as the two can be matched.
fn toml11_message(src: &str, e: &toml::de::Error) -> String {
    let msg = e.message();
    let mut lines = msg.lines();
    let first = lines.next().unwrap_or("");
    let second = lines.next().unwrap_or("");
    let at = char_floor(src, e.span().map(|r| r.start).unwrap_or(0));
    let (line, col) = line_around(src, at);
    let before = line[..col.min(line.len())].trim();
    let after = line[col.min(line.len())..].trim();
    let at_char = src.get(at..).and_then(|r| r.chars().next());
    // The value part of a `key = value` line.
    let value = line.split_once('=').map(|(_, v)| v.trim()).unwrap_or("");
    let is_header = line.trim_start().starts_with('[');

    let dup = if let Some(rest) = first.split("duplicate key `").nth(1) {
        Some(rest)
    } else {
        second.split("duplicate key `").nth(1)
    };
    if let Some(rest) = dup {
        let key = rest.split('`').next().unwrap_or("");
        return duplicate_message(src, at, key);
    }
    if let Some(rest) = first.strip_prefix("dotted key `") {
        let key = rest.split('`').next().unwrap_or("");
        return if first.contains("(inline table)") {
            format!(
                "[error] toml::insert_value: inserting to an inline table ({key}) but inline tables are immutable"
            )
        } else {
            format!(
                "[error] toml::insert_value: target ({key}) is neither table nor an array of tables"
            )
        };
    }
    if first == "invalid key" && after.starts_with('=') && before.is_empty() {
        return "[error] toml::parse_key_value_pair: empty key is not allowed.".into();
    }
    if before.ends_with('=') && after.is_empty() && !is_header {
        return "[error] toml::parse_key_value_pair: missing value after key-value separator '='"
            .into();
    }
    // Where the value of a `key = value` line starts; errors right after a
    // leading zero (`x = 01`) or a full date (`x = 1979-05-27T25:00:00`) get
    // their own messages.
    let value_start = line.find('=').map(|eq| {
        let v = &line[eq + 1..];
        eq + 1 + (v.len() - v.trim_start().len())
    });
    let zero_error = value_start
        .and_then(|vs| col.checked_sub(vs))
        .and_then(|off| zero_prefixed_error(value, off));
    let after_date = value_start.is_some_and(|vs| {
        let v = value.as_bytes();
        col == vs + 10
            && v.len() > 10
            && v[..10].iter().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    *b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
    });
    let m = match (first, second) {
        ("invalid table header", "expected newline, `#`") => {
            if line.trim_start().starts_with("[[") {
                "toml::parse_array_table_key: newline required after [[table.key]]"
            } else {
                "toml::parse_table_key: newline required after [table.key]"
            }
        }
        ("invalid table header", _) | ("invalid key", _) => {
            "toml::parse_key: an invalid key appeared."
        }
        ("expected newline, `#`", _) if zero_error.is_some() && !is_header => {
            zero_error.unwrap_or_default()
        }
        ("expected newline, `#`", _) if after_date && !is_header => {
            "toml::parse_time: invalid time: it does not conform RFC3339."
        }
        ("expected newline, `#`", _) => "toml::parse_table: invalid line format",
        ("invalid floating-point number", "expected digit, digit") => {
            "bad float: `_` should be surrounded by digits"
        }
        ("invalid floating-point number", _) => "bad float: invalid format",
        ("invalid unicode 4-digit hex code", "value is out of range") => {
            "toml::read_utf8_codepoint: codepoints in the range [0xD800, 0xDFFF] are not valid UTF-8."
        }
        ("invalid escape sequence", _)
        | ("invalid basic string", _)
        | ("invalid unicode 4-digit hex code", _)
        | ("invalid unicode 8-digit hex code", _) => {
            "toml::parse_basic_string: the next token is not a valid string"
        }
        ("invalid multiline basic string", _) => {
            "toml::parse_ml_basic_string: the next token is not a valid multiline string"
        }
        ("invalid multiline literal string", _) => {
            "toml::parse_ml_literal_string: the next token is not a valid multiline literal string"
        }
        ("invalid literal string", _) => {
            "toml::parse_literal_string: the next token is not a valid literal string"
        }
        ("invalid string", _) => match at_char {
            Some('t' | 'f') => "toml::parse_boolean:",
            Some('n' | 'i') => "toml::parse_floating:",
            _ => "bad format: unknown value appeared",
        },
        ("invalid array", _) => {
            if at_char == Some(',') || after.is_empty() && before.ends_with('[') {
                "toml::parse_array: value having invalid format appeared in an array"
            } else {
                "toml::parse_array: missing array separator `,` after a value"
            }
        }
        ("invalid inline table", _) => {
            if matches!(at_char, Some('}' | ',')) {
                "toml::parse_inline_table: trailing comma is not allowed in an inline table"
            } else if before.ends_with('{') {
                "toml::parse_key: an invalid key appeared."
            } else {
                "toml::parse_inline_table: missing curly brace `}`"
            }
        }
        ("invalid integer", "expected digit") => "bad integer: `_` should be surrounded by digits",
        ("invalid integer", "expected leading digit") => {
            "bad number: `_` should be surrounded by digits"
        }
        ("invalid integer", _) => "bad format: unknown value appeared",
        ("invalid hexadecimal integer", _) => "toml::parse_hexadecimal_integer",
        ("invalid octal integer", _) => "toml::parse_octal_integer:",
        ("invalid binary integer", _) => "toml::parse_binary_integer:",
        ("invalid date-time", _) => "toml::parse_date: invalid date: it does not conform RFC3339.",
        ("invalid time offset", _) => {
            "toml::parse_offset_datetime: invalid offset: it does not conform RFC3339."
        }
        ("expected `.`, `=`", _) => {
            if after.is_empty() {
                "toml::parse_key_value_pair: missing key-value separator `=`"
            } else {
                "toml::parse_key_value_pair: invalid format for key"
            }
        }
        _ => return msg.to_string(),
    };
    format!("[error] {m}")
}

/// toml11's complaint about a number starting with `0` when the `toml`
/// crate stopped at byte `off` of the value.
fn zero_prefixed_error(value: &str, off: usize) -> Option<&'static str> {
    let v = value.as_bytes();
    let sign = usize::from(matches!(v.first(), Some(b'+' | b'-')));
    if v.get(sign) != Some(&b'0') {
        return None;
    }
    let at = *v.get(off)?;
    if off == sign + 1 {
        return match at {
            b'0'..=b'9' => Some("bad integer: leading zero"),
            b'_' => Some("bad integer: `_` should be surrounded by digits"),
            b'a'..=b'z' | b'A'..=b'Z' => {
                Some("toml::parse_integer: unknown integer prefix appeared.")
            }
            _ => None,
        };
    }
    let radix_digits: &[u8] = match v.get(sign + 1) {
        Some(b'b') => b"01",
        Some(b'o') => b"01234567",
        Some(b'x') => b"0123456789abcdefABCDEF",
        _ => return None,
    };
    let body = v.get(sign + 2..off)?;
    if body.is_empty() || !body.iter().all(|b| radix_digits.contains(b) || *b == b'_') {
        return None;
    }
    match at {
        b'.' => Some("bad float: invalid format"),
        b'0'..=b'9' => Some("bad integer: leading zero"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::float::format_float_print;
    use super::super::strings::{print_attr_name, print_string_literal};
    use super::*;

    /// Renders data the way `nix-instantiate --eval --strict` prints values.
    fn show(d: &Data, out: &mut String) {
        match d {
            Data::Null => out.push_str("null"),
            Data::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Data::Int(i) => out.push_str(&i.to_string()),
            Data::Float(f) => out.push_str(&format_float_print(*f)),
            Data::String(s) => out.push_str(&print_string_literal(s)),
            Data::List(l) => {
                out.push_str("[ ");
                for x in l {
                    show(x, out);
                    out.push(' ');
                }
                out.push(']');
            }
            Data::Attrs(a) => {
                let mut a: Vec<_> = a.iter().collect();
                a.sort_by(|x, y| x.0.as_bytes().cmp(y.0.as_bytes()));
                out.push_str("{ ");
                for (k, v) in a {
                    out.push_str(&print_attr_name(k));
                    out.push_str(" = ");
                    show(v, out);
                    out.push_str("; ");
                }
                out.push('}');
            }
        }
    }

    /// `(kind, document, expected)`: the output of
    /// `nix-instantiate --eval --strict -E 'builtins.fromJSON/fromTOML DOC'`
    /// (Nix 2.8), or the first line of its error.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, &str)] = &[
        ("json", "{\"a\":1,\"a\":2}", "{ a = 2; }"),
        ("json", "[1,2", "error: [json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing array - unexpected end of input; expected ']'"),
        ("json", "\"a\\u0000b\"", "\"a\""),
        ("json", "{\"a\\u0000b\":1}", "{ \"a\u{0}b\" = 1; }"),
        ("json", "[\"\\u0000\"]", "[ \"\" ]"),
        ("json", "123456789012345678901234567890", "1.23457e+29"),
        ("json", "9223372036854775807", "9223372036854775807"),
        ("json", "9223372036854775808", "-9223372036854775808"),
        ("json", "18446744073709551615", "-1"),
        ("json", "18446744073709551616", "1.84467e+19"),
        ("json", "-9223372036854775808", "-9223372036854775808"),
        ("json", "-9223372036854775809", "-9.22337e+18"),
        ("json", "1e400", "error: [json.exception.out_of_range.406] number overflow parsing '1e400'"),
        ("json", "-0", "0"),
        ("json", "-0.0", "-0"),
        ("json", "1.0", "1"),
        ("json", "1E2", "100"),
        ("json", " ", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"),
        ("json", "", "error: [json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"),
        ("json", "nul", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid literal; last read: 'nul'"),
        ("json", "[1,]", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal"),
        ("json", "{\"a\" 1}", "error: [json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing object separator - unexpected number literal; expected ':'"),
        ("json", "01", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - unexpected number literal; expected end of input"),
        ("json", "\"\\ud800\"", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud800\"'"),
        ("json", "\"\\x\"", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: forbidden character after backslash; last read: '\"\\x'"),
        ("json", "1 2", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - unexpected number literal; expected end of input"),
        ("json", "{\"b\":1,\"a\":{\"c\":[true,false,null]}}", "{ a = { c = [ true false null ]; }; b = 1; }"),
        ("json", "\"\\u00e9\\ud83d\\ude00\"", "\"é😀\""),
        ("json", "\"\\u0041\\u00\"", "error: [json.exception.parse_error.101] parse error at line 1, column 12: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\u0041\\u00\"'"),
        ("json", "\"\\uD83D\\u0041\"", "error: [json.exception.parse_error.101] parse error at line 1, column 13: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\uD83D\\u0041'"),
        ("json", "\"\\uDE00\"", "error: [json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing value - invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF; last read: '\"\\uDE00'"),
        ("json", "1.5e-400", "0"),
        ("json", "[1,\n2,\nx]", "error: [json.exception.parse_error.101] parse error at line 3, column 1: syntax error while parsing value - invalid literal; last read: '2,<U+000A>x'"),
        ("json", "\"a\tb\"", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: control character U+0009 (HT) must be escaped to \\u0009 or \\t; last read: '\"a<U+0009>'"),
        ("json", "tru", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid literal; last read: 'tru'"),
        ("json", "-", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid number; expected digit after '-'; last read: '-'"),
        ("json", "1.", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid number; expected digit after '.'; last read: '1.'"),
        ("json", "1e", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid number; expected '+', '-', or digit after exponent; last read: '1e'"),
        ("json", "1e+", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid number; expected digit after exponent sign; last read: '1e+'"),
        ("json", "\"abc", "error: [json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing value - invalid string: missing closing quote; last read: '\"abc'"),
        ("json", "{\"a\":1,}", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing object key - unexpected '}'; expected string literal"),
        ("json", "{1:2}", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing object key - unexpected number literal; expected string literal"),
        ("json", "[1 2]", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing array - unexpected number literal; expected ']'"),
        ("json", "{\"a\":1 \"b\":2}", "error: [json.exception.parse_error.101] parse error at line 1, column 10: syntax error while parsing object - unexpected string literal; expected '}'"),
        ("json", "@", "error: [json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - invalid literal; last read: '@'"),
        ("json", "1.7976931348623157e309", "error: [json.exception.out_of_range.406] number overflow parsing '1.7976931348623157e309'"),
        ("json", "0.1e1", "1"),
        ("json", "123.456e5", "1.23456e+07"),
        ("json", "   [  ]   ", "[ ]"),
        ("json", "{}", "{ }"),
        ("json", "\u{feff}1", "1"),
        ("json", "\u{feff}", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"),
        ("json", "\"\\/\"", "\"/\""),
        ("json", "\"é\"", "\"é\""),
        ("json", "[[[[]]]]", "[ [ [ [ ] ] ] ]"),
        ("json", "{\"a\":{\"b\":{\"c\":1}}}", "{ a = { b = { c = 1; }; }; }"),
        ("json", "-1", "-1"),
        ("json", "-01", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - unexpected number literal; expected end of input"),
        ("json", "1.5E+3", "1500"),
        ("json", "\"\\b\\f\\n\\r\\t\"", "\"\u{8}\u{c}\\n\\r\\t\""),
        ("json", "true false", "error: [json.exception.parse_error.101] parse error at line 1, column 10: syntax error while parsing value - unexpected false literal; expected end of input"),
        ("json", "nulll", "error: [json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing value - invalid literal; last read: 'nulll'; expected end of input"),
        ("json", "[true,]", "error: [json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal"),
        ("json", "{\"\":1}", "{ \"\" = 1; }"),
        ("json", "{\"a\":1}x", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - invalid literal; last read: '1}x'; expected end of input"),
        ("json", "\n\n  @", "error: [json.exception.parse_error.101] parse error at line 3, column 3: syntax error while parsing value - invalid literal; last read: '<U+000A><U+000A>  @'"),
        ("json", "\"\u{7f}\"", "\"\u{7f}\""),
        ("json", "\"\\u001f\"", "\"\u{1f}\""),
        ("json", "{\"a\":[1,{\"b\":null}],\"c\":\"d\"}", "{ a = [ 1 { b = null; } ]; c = \"d\"; }"),
        ("json", "0.30000000000000004", "0.3"),
        ("json", "1e-7", "1e-07"),
        ("json", "100000000000000000000", "1e+20"),
        ("json", "-1e-400", "-0"),
        ("json", "[\n\n1\n,\n\n]", "error: [json.exception.parse_error.101] parse error at line 6, column 1: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal"),
        ("json", "\"\\u00\"", "error: [json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\u00\"'"),
        ("json", "\"\\uzzzz\"", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\uz'"),
        ("json", "\"\\ud83d\"", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud83d\"'"),
        ("json", "\"\\ud83d\\\"", "error: [json.exception.parse_error.101] parse error at line 1, column 9: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud83d\\\"'"),
        ("json", "\"\\ud83dx\"", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud83dx'"),
        ("json", "{\"a\":1,\"b\":2,\"a\":3}", "{ a = 3; b = 2; }"),
        ("json", "[1,2,3]]", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - unexpected ']'; expected end of input"),
        ("json", "{\"a\":}", "error: [json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal"),
        ("json", "{\"a\"", "error: [json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing object separator - unexpected end of input; expected ':'"),
        ("json", "{\"a\":", "error: [json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"),
        ("json", "[", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"),
        ("json", "{", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing object key - unexpected end of input; expected string literal"),
        ("json", "\"", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid string: missing closing quote; last read: '\"'"),
        ("json", "\t[1]\r\n", "[ 1 ]"),
        ("toml", "a = 1", "{ a = 1; }"),
        ("toml", "a = 1\na = 2", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists."),
        ("toml", "[t]\nx=1\n[t]\ny=2", "error: while parsing a TOML string: [error] toml::insert_value: table (\"t\") already exists."),
        ("toml", "d = 1979-05-27T07:32:00Z", "error: while parsing a TOML string: Dates and times are not supported"),
        ("toml", "d = 1979-05-27", "error: while parsing a TOML string: Dates and times are not supported"),
        ("toml", "t = 07:32:00", "error: while parsing a TOML string: Dates and times are not supported"),
        ("toml", "ld = 1979-05-27T07:32:00", "error: while parsing a TOML string: Dates and times are not supported"),
        ("toml", "[[arr]]\nx=1\n[[arr]]\nx=2", "{ arr = [ { x = 1; } { x = 2; } ]; }"),
        ("toml", "inline = { a = 1, b = \"x\" }", "{ inline = { a = 1; b = \"x\"; }; }"),
        ("toml", "a = [1, 2.5, \"x\"]", "{ a = [ 1 2.5 \"x\" ]; }"),
        ("toml", "a = [[1,2],[3]]", "{ a = [ [ 1 2 ] [ 3 ] ]; }"),
        ("toml", "x = 0x1F", "{ x = 31; }"),
        ("toml", "x = 0o17", "{ x = 15; }"),
        ("toml", "x = 0b101", "{ x = 5; }"),
        ("toml", "x = 1_000", "{ x = 1000; }"),
        ("toml", "x = inf", "{ x = inf; }"),
        ("toml", "x = -inf", "{ x = -inf; }"),
        ("toml", "x = nan", "{ x = nan; }"),
        ("toml", "x = +1.5e3", "{ x = 1500; }"),
        ("toml", "x = 9223372036854775807", "{ x = 9223372036854775807; }"),
        ("toml", "x = 9223372036854775808", "{ x = 9223372036854775807; }"),
        ("toml", "s = \"\"\"\nmulti\nline\"\"\"", "{ s = \"multi\\nline\"; }"),
        ("toml", "s = 'literal\\n'", "{ s = \"literal\\\\n\"; }"),
        ("toml", "s = '''\nraw\\n'''", "{ s = \"raw\\\\n\"; }"),
        ("toml", "a.b.c = 1", "{ a = { b = { c = 1; }; }; }"),
        ("toml", "\"quoted key\" = 1", "{ \"quoted key\" = 1; }"),
        ("toml", "a = ", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: missing value after key-value separator '='"),
        ("toml", "= 1", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: empty key is not allowed."),
        ("toml", "a = 1 b = 2", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "[a]\n[a.b]\nc=1", "{ a = { b = { c = 1; }; }; }"),
        ("toml", "x = true", "{ x = true; }"),
        ("toml", "x = \"\\u00e9\"", "{ x = \"é\"; }"),
        ("toml", "x = \"\\U0001F600\"", "{ x = \"😀\"; }"),
        ("toml", "x = 1.0", "{ x = 1; }"),
        ("toml", "x = -0.0", "{ x = -0; }"),
        ("toml", "x = 0.1", "{ x = 0.1; }"),
        ("toml", "x = 3.14159", "{ x = 3.14159; }"),
        ("toml", "a = {}", "{ a = { }; }"),
        ("toml", "a = []", "{ a = [ ]; }"),
        ("toml", "", "{ }"),
        ("toml", "# comment", "{ }"),
        ("toml", "x = \"a\\tb\"", "{ x = \"a\\tb\"; }"),
        ("toml", "a = [ 1,\n 2, ]", "{ a = [ 1 2 ]; }"),
        ("toml", "a = 1\n[a]\nb=1", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists."),
        ("toml", "x = 1979-05-27T00:32:00.999999-07:00", "error: while parsing a TOML string: Dates and times are not supported"),
        ("toml", "x = \"unterminated", "error: while parsing a TOML string: [error] toml::parse_basic_string: the next token is not a valid string"),
        ("toml", "x = [1, \"a\"]", "{ x = [ 1 \"a\" ]; }"),
        ("toml", "k = 'v'\n'k2' = 2", "{ k = \"v\"; k2 = 2; }"),
        ("toml", "a.b = 1\na.c = 2", "{ a = { b = 1; c = 2; }; }"),
        ("toml", "[x.y]\nz=1\n[x]\nw=2", "{ x = { w = 2; y = { z = 1; }; }; }"),
        ("toml", "x = 01", "error: while parsing a TOML string: [error] bad integer: leading zero"),
        ("toml", "x = 1e", "error: while parsing a TOML string: [error] bad float: invalid format"),
        ("toml", "x = .5", "error: while parsing a TOML string: [error] bad float: invalid format"),
        ("toml", "x = 5.", "error: while parsing a TOML string: [error] bad float: invalid format"),
        ("toml", "x = \"\\q\"", "error: while parsing a TOML string: [error] toml::parse_basic_string: the next token is not a valid string"),
        ("toml", "[a]]", "error: while parsing a TOML string: [error] toml::parse_table_key: newline required after [table.key]"),
        ("toml", "x = \"a\nb\"", "error: while parsing a TOML string: [error] toml::parse_basic_string: the next token is not a valid string"),
        ("toml", "x = 1\n\n\ny = @", "error: while parsing a TOML string: [error] bad format: unknown value appeared"),
        ("toml", "a = 1 b = 2", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "x = 01", "error: while parsing a TOML string: [error] bad integer: leading zero"),
        ("toml", "x = 1e", "error: while parsing a TOML string: [error] bad float: invalid format"),
        ("toml", "x = .5", "error: while parsing a TOML string: [error] bad float: invalid format"),
        ("toml", "x = 5.", "error: while parsing a TOML string: [error] bad float: invalid format"),
        ("toml", "x = \"\\q\"", "error: while parsing a TOML string: [error] toml::parse_basic_string: the next token is not a valid string"),
        ("toml", "[a]]", "error: while parsing a TOML string: [error] toml::parse_table_key: newline required after [table.key]"),
        ("toml", "x = \"unterminated", "error: while parsing a TOML string: [error] toml::parse_basic_string: the next token is not a valid string"),
        ("toml", "y = @", "error: while parsing a TOML string: [error] bad format: unknown value appeared"),
        ("toml", "x = [1, 2", "error: while parsing a TOML string: [error] toml::parse_array: missing array separator `,` after a value"),
        ("toml", "x = { a = 1", "error: while parsing a TOML string: [error] toml::parse_inline_table: missing curly brace `}`"),
        ("toml", "x = { a = 1, }", "error: while parsing a TOML string: [error] toml::parse_inline_table: trailing comma is not allowed in an inline table"),
        ("toml", "[a", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared."),
        ("toml", "[[a]", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared."),
        ("toml", "a.b = 1\na = 2", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists."),
        ("toml", "a = 1\na.b = 2", "error: while parsing a TOML string: [error] toml::insert_value: target (a) is neither table nor an array of tables"),
        ("toml", "x = tru", "error: while parsing a TOML string: [error] toml::parse_boolean:"),
        ("toml", "x = 1__0", "error: while parsing a TOML string: [error] bad integer: `_` should be surrounded by digits"),
        ("toml", "x = _1", "error: while parsing a TOML string: [error] bad number: `_` should be surrounded by digits"),
        ("toml", "x = 1_", "error: while parsing a TOML string: [error] bad integer: `_` should be surrounded by digits"),
        ("toml", "x = 0x", "error: while parsing a TOML string: [error] toml::parse_hexadecimal_integer"),
        ("toml", "x = 0xG", "error: while parsing a TOML string: [error] toml::parse_hexadecimal_integer"),
        ("toml", "x = 1979-13-01", "error: while parsing a TOML string: [error] toml::parse_date: invalid date: it does not conform RFC3339."),
        ("toml", "x = '''unterminated", "error: while parsing a TOML string: [error] toml::parse_ml_literal_string: the next token is not a valid multiline literal string"),
        ("toml", "x = \"\"\"unterminated", "error: while parsing a TOML string: [error] toml::parse_ml_basic_string: the next token is not a valid multiline string"),
        ("toml", "a b = 1", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: invalid format for key"),
        ("toml", "a = 1 # ok\nb", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: missing key-value separator `=`"),
        ("toml", "[]", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared."),
        ("toml", "[a.]", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared."),
        ("toml", "x = 1.2.3", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "x = +", "error: while parsing a TOML string: [error] bad format: unknown value appeared"),
        ("toml", "x = --1", "error: while parsing a TOML string: [error] bad format: unknown value appeared"),
        ("toml", "x = 1e1.5", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "x = 1979-05-27T25:00:00", "error: while parsing a TOML string: [error] toml::parse_time: invalid time: it does not conform RFC3339."),
        ("toml", "[[a]]\n[a]", "error: while parsing a TOML string: [error] toml::insert_value: array of tables (\"a\") already exists."),
        ("toml", "[a]\n[[a]]", "error: while parsing a TOML string: [error] toml::insert_value: array of table (\"a\") cannot be defined"),
        ("toml", "x = [1,,2]", "error: while parsing a TOML string: [error] toml::parse_array: value having invalid format appeared in an array"),
        ("toml", "x = {a=1,a=2}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists."),
        ("toml", "a.\"b\".c = 1\na.b.c = 2", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a.b.c\") already exists."),
        ("toml", "\ta = 1\n\tb", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: missing key-value separator `=`"),
        ("toml", "x = 0o8", "error: while parsing a TOML string: [error] toml::parse_octal_integer:"),
        ("toml", "x = 0b2", "error: while parsing a TOML string: [error] toml::parse_binary_integer:"),
        ("toml", "x = infinity", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "x = \"\\u00\"", "error: while parsing a TOML string: [error] toml::parse_basic_string: the next token is not a valid string"),
        ("toml", "x = \"\\uD800\"", "error: while parsing a TOML string: [error] toml::read_utf8_codepoint: codepoints in the range [0xD800, 0xDFFF] are not valid UTF-8."),
        ("toml", "[t]\nx=1\nx=2", "error: while parsing a TOML string: [error] toml::insert_value: value (\"x\") already exists."),
        ("toml", "[x.y]\nz=1\n[x.y]\nw=2", "error: while parsing a TOML string: [error] toml::insert_value: table (\"x.y\") already exists."),
        ("toml", "x.y = 1\nx.y.z = 2", "error: while parsing a TOML string: [error] toml::insert_value: target (x.y) is neither table nor an array of tables"),
        ("toml", "a = {b=1}\n[a]", "error: while parsing a TOML string: [error] toml::insert_value: table (\"a\") already exists."),
        ("toml", "a = [1]\n[[a]]", "error: while parsing a TOML string: [error] toml::insert_value: array of table (\"a\") collides with existing value"),
        ("toml", "[[a]]\n[[a.b]]\n[a.b]", "error: while parsing a TOML string: [error] toml::insert_value: array of tables (\"a.b\") already exists."),
        ("toml", "a = {b = 1, b = 2}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"b\") already exists."),
        ("toml", "a = {b = 1}\na.c = 2", "error: while parsing a TOML string: [error] toml::insert_value: inserting to an inline table (a) but inline tables are immutable"),
        ("toml", "\"a b\" = 1\n\"a b\" = 2", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a b\") already exists."),
        ("toml", "'q' = 1\nq = 2", "error: while parsing a TOML string: [error] toml::insert_value: value (\"q\") already exists."),
        ("toml", "[a]\nb = 1\n[a.b]", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a.b\") already exists."),
        ("toml", "[ a . b ]\n[a.b]", "error: while parsing a TOML string: [error] toml::insert_value: table (\"a.b\") already exists."),
        ("toml", "[a]\nx=1\n[a]", "error: while parsing a TOML string: [error] toml::insert_value: table (\"a\") already exists."),
        ("toml", "a.b=1\na.b=2", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a.b\") already exists."),
        ("toml", "x = 1 2", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "x = [1 2]", "error: while parsing a TOML string: [error] toml::parse_array: missing array separator `,` after a value"),
        ("toml", "x = \"a\" \"b\"", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "x = true false", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "[a] x", "error: while parsing a TOML string: [error] toml::parse_table_key: newline required after [table.key]"),
        ("toml", "[[a]] x", "error: while parsing a TOML string: [error] toml::parse_array_table_key: newline required after [[table.key]]"),
        ("toml", "x = 1979-05-27T07:32:00Zx", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "x = 1979-05-27T07:32:00 x", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "x = 07:32:00x", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "x = tru", "error: while parsing a TOML string: [error] toml::parse_boolean:"),
        ("toml", "x = fals", "error: while parsing a TOML string: [error] toml::parse_boolean:"),
        ("toml", "x = 'a", "error: while parsing a TOML string: [error] toml::parse_literal_string: the next token is not a valid literal string"),
        ("toml", "x =", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: missing value after key-value separator '='"),
        ("toml", "x = [", "error: while parsing a TOML string: [error] toml::parse_array: value having invalid format appeared in an array"),
        ("toml", "x = {", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared."),
        ("toml", "x = \"\"\"a", "error: while parsing a TOML string: [error] toml::parse_ml_basic_string: the next token is not a valid multiline string"),
        ("toml", "x = 1979-05-27T07:32:00+25:00", "error: while parsing a TOML string: [error] toml::parse_offset_datetime: invalid offset: it does not conform RFC3339."),
        ("toml", "x = 1979-02-30", "error: while parsing a TOML string: [error] toml::parse_date: invalid date: it does not conform RFC3339."),
        ("toml", "= 1", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: empty key is not allowed."),
        ("toml", " = 1", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: empty key is not allowed."),
        ("toml", "a = 1\n= 2", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: empty key is not allowed."),
        ("toml", "x = 0x_1", "error: while parsing a TOML string: [error] toml::parse_hexadecimal_integer"),
        ("toml", "x = 1.5_", "error: while parsing a TOML string: [error] bad float: `_` should be surrounded by digits"),
        ("toml", "x = 1e400", "{ x = 1.79769e+308; }"),
        ("toml", "x = nan1", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "a =\n1", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: missing value after key-value separator '='"),
        ("toml", "x = nul", "error: while parsing a TOML string: [error] toml::parse_floating:"),
        ("toml", "x = 1,", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "x = @1", "error: while parsing a TOML string: [error] bad format: unknown value appeared"),
        ("toml", "k = v", "error: while parsing a TOML string: [error] bad format: unknown value appeared"),
        ("toml", "x = 0b12", "error: while parsing a TOML string: [error] bad integer: leading zero"),
        ("toml", "x = 0b1G", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "x = 0x1G", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "x = 0o19", "error: while parsing a TOML string: [error] bad integer: leading zero"),
        ("toml", "x = 0b1.5", "error: while parsing a TOML string: [error] bad float: invalid format"),
        ("toml", "x = 0x1.5", "error: while parsing a TOML string: [error] bad float: invalid format"),
        ("toml", "x = 0a", "error: while parsing a TOML string: [error] toml::parse_integer: unknown integer prefix appeared."),
        ("toml", "x = 0_1", "error: while parsing a TOML string: [error] bad integer: `_` should be surrounded by digits"),
        ("toml", "x = -1e400", "{ x = -1.79769e+308; }"),
        ("toml", "x = 1a", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format"),
        ("toml", "x = 01", "error: while parsing a TOML string: [error] bad integer: leading zero"),
        ("toml", "x = -01", "error: while parsing a TOML string: [error] bad integer: leading zero"),
    ];

    #[test]
    fn matches_nix_oracle() {
        let mut failures = Vec::new();
        for (kind, doc, want) in CASES {
            let got = match if *kind == "json" {
                from_json(doc)
            } else {
                from_toml(doc)
            } {
                Ok(d) => {
                    let mut s = String::new();
                    show(&d, &mut s);
                    s
                }
                Err(e) => format!("error: {e}"),
            };
            if got != *want {
                failures.push(format!("{kind} {doc:?}:\n  got  {got}\n  want {want}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn numbers_are_typed_like_nix() {
        assert_eq!(from_json("1"), Ok(Data::Int(1)));
        assert_eq!(from_json("1.0"), Ok(Data::Float(1.0)));
        assert_eq!(from_json("18446744073709551615"), Ok(Data::Int(-1)));
        assert_eq!(
            from_json("18446744073709551616"),
            Ok(Data::Float(18446744073709551616.0))
        );
        assert_eq!(
            from_toml("x = -1e400"),
            Ok(Data::Attrs(vec![("x".into(), Data::Float(f64::MIN))]))
        );
        assert_eq!(
            from_toml("x = -inf"),
            Ok(Data::Attrs(vec![(
                "x".into(),
                Data::Float(f64::NEG_INFINITY)
            )]))
        );
    }

    #[test]
    fn no_panics_on_odd_input() {
        for doc in [
            "", "\u{0}", "é", "[", "{", "\"", "\"\\", "x = \"é", "[é", "é = 1", "x = 0b", "x = 0x_",
        ] {
            let _ = from_json(doc);
            let _ = from_toml(doc);
        }
        let deep = "[".repeat(100_000);
        assert!(from_json(&deep).is_err());
    }
}
