//! `builtins.fromTOML`: the `toml` crate parses; numbers and error texts are made to
//! read as toml11's, the library Nix 2.8 uses.

use super::*;

/// Converts a parsed document.  `neg_inf_literal` says whether the source
/// spells `-inf` anywhere: the `toml` crate turns overflowing negative floats
/// into `-inf` without an error, while toml11 gives the most negative finite
/// float.
pub(super) fn from_toml_value(v: toml::Value, neg_inf_literal: bool) -> Result<Data, String> {
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
pub(super) fn literal_at(src: &str, at: usize) -> &str {
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
pub(super) fn toml11_number(lit: &str) -> Option<String> {
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

pub(super) fn is_number_error(msg: &str) -> bool {
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
pub(super) fn fix_number_literal(src: &str, e: &toml::de::Error) -> Option<String> {
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
pub(super) fn normalize_key(k: &str) -> String {
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
pub(super) fn char_floor(src: &str, at: usize) -> usize {
    let mut at = at.min(src.len());
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The text of the (logical) line containing byte `at`, and the offset of
/// `at` in it.
pub(super) fn line_around(src: &str, at: usize) -> (&str, usize) {
    let at = char_floor(src, at);
    let start = src[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let end = src[at..].find('\n').map(|i| at + i).unwrap_or(src.len());
    (&src[start..end], at - start)
}

/// For a table header line (`[a.b]` / `[[a.b]]`), the normalized key.
pub(super) fn header_key(line: &str) -> Option<(bool, String)> {
    let t = line.trim_start();
    let array = t.starts_with("[[");
    let inner = t.strip_prefix(if array { "[[" } else { "[" })?;
    let close = inner.find(']')?;
    Some((array, normalize_key(&inner[..close])))
}

/// The message toml11 gives for a duplicate definition reported at `at`.
pub(super) fn duplicate_message(src: &str, at: usize, crate_key: &str) -> String {
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
pub(super) fn toml11_message(src: &str, e: &toml::de::Error) -> String {
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
pub(super) fn zero_prefixed_error(value: &str, off: usize) -> Option<&'static str> {
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
