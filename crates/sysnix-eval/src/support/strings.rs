//! Rendering strings and attribute names as Nix 2.8 prints them.
//!
//! Nix 2.8 uses two different escapers when printing values:
//!
//! * string values (`printStringValue`): `"` `\` are backslash-escaped,
//!   newline/CR/tab become `\n` `\r` `\t`, and `$` is escaped only when it
//!   is followed by `{`; every other byte (other control characters,
//!   non-ASCII) is written raw;
//! * attribute names (`showId`/`showString`): identifiers are written bare,
//!   everything else is quoted with `$` *always* escaped (`"a\$"`).  A name
//!   is an identifier when it starts with an ASCII letter or `_` and only
//!   contains ASCII letters, digits, `_`, `'` and `-`.  Of the keywords only
//!   `if` is quoted (Nix has a FIXME about the others): `{ "if" = 1; or = 2;
//!   then = 3; }`.

/// A string value as `nix-instantiate --eval` prints it, e.g.
/// `"a\"b\\c\n\${x} $y"`.
pub fn print_string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' if chars.peek() == Some(&'{') => out.push_str("\\$"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Splits an attribute path as `-A` takes it, `a."b.c".d`, into its components
/// (double quotes group dots; empty components are kept, for the caller to judge).
pub fn split_attr_path(path: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in path.chars() {
        match c {
            '"' => quoted = !quoted,
            '.' if !quoted => out.push(String::new()),
            c => out.last_mut().expect("never empty").push(c),
        }
    }
    out
}

/// Quotes `s` the way Nix 2.8 quotes non-identifier attribute names: like
/// [`print_string_literal`] but with every `$` escaped.
fn quote_attr_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '$' => out.push_str("\\$"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_identifier(name: &str) -> bool {
    let mut bytes = name.bytes();
    let Some(first) = bytes.next() else {
        return false;
    };
    (first.is_ascii_alphabetic() || first == b'_')
        && bytes.all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'\'' || c == b'-')
}

/// True when an attribute name is printed quoted by Nix 2.8: the empty
/// name, `if`, and anything that is not an identifier (`"1"`, `"a b"`,
/// `"-a"`, `"'a"`, `"é"`).  Other keywords (`or`, `then`, `let`...) and
/// names like `a-b`, `a'b`, `_x` are printed bare.
pub fn attr_name_needs_quotes(name: &str) -> bool {
    name == "if" || !is_identifier(name)
}

/// An attribute name as printed in a set by `nix-instantiate --eval`:
/// `c`, `"1"`, `"a b"`, `"if"`, `"a\$b"`.
pub fn print_attr_name(name: &str) -> String {
    if name == "if" {
        "\"if\"".to_string()
    } else if is_identifier(name) {
        name.to_string()
    } else {
        quote_attr_name(name)
    }
}

/// A JSON string literal as Nix 2.8's `builtins.toJSON` writes it: `"` and
/// `\` are backslash-escaped, newline/CR/tab become `\n` `\r` `\t`, the other
/// control characters below 0x20 become `\u00XX` (lowercase hex, so `\b` is
/// `\u0008`), and everything else (`/`, DEL, non-ASCII) is written raw.
/// `s` is appended to `out`; runs of characters that need no escape are copied at once.
pub fn json_escape_into(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut run = 0;
    // Every byte that needs an escape is ASCII, so each found is on a character boundary.
    while let Some(n) = first_json_escape(&bytes[run..]) {
        let i = run + n;
        out.push_str(&s[run..i]);
        match bytes[i] {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
        run = i + 1;
    }
    out.push_str(&s[run..]);
    out.push('"');
}

/// The index of the first byte of `b` that [`json_escape_into`] escapes (`"`, `\`, a
/// control character: also the bytes that end a run in a JSON string being read), looking
/// at eight bytes at a time (most strings have none, or a few in a long run).
pub(crate) fn first_json_escape(b: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for chunk in chunks.by_ref() {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // The classic tests for a byte below n, `(x - n) & !x`, and for a zero byte,
        // `(y - 1) & !y`, in every byte's high bit; a borrow runs only upwards, so the
        // lowest bit set is an exact hit (the ones above it may not be).
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        let hits = (x.wrapping_sub(ONES * 0x20) & !x
            | quote.wrapping_sub(ONES) & !quote
            | backslash.wrapping_sub(ONES) & !backslash)
            & HIGH;
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&c| NEEDS_JSON_ESCAPE[c as usize])
        .map(|n| at + n)
}

/// The bytes [`json_escape_into`] escapes: `"`, `\`, and the control characters.
static NEEDS_JSON_ESCAPE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// An XML attribute value as `builtins.toXML` escapes it (without the
/// surrounding quotes): `"` `<` `>` `&` become entities and newlines become
/// `&#xA;`; `'`, CR, tab and all other characters are written raw.
pub fn xml_escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("&#xA;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json_escape_string(s: &str) -> String {
        let mut out = String::new();
        json_escape_into(&mut out, s);
        out
    }

    #[test]
    fn attr_paths_split_on_unquoted_dots() {
        assert_eq!(split_attr_path("a.\"b.c\".d"), ["a", "b.c", "d"]);
        assert_eq!(split_attr_path("x"), ["x"]);
        assert_eq!(split_attr_path("a..b"), ["a", "", "b"]);
    }

    #[test]
    fn string_literals() {
        // nix-instantiate --eval -E '"a\"b\\c\nd\re\tf${"$"}{x}$y\${ $"'
        assert_eq!(
            print_string_literal("a\"b\\c\nd\re\tf${x}$y${ $"),
            r#""a\"b\\c\nd\re\tf\${x}$y\${ $""#
        );
        // "$${" → "$\${"; "$" and "$$" unchanged
        assert_eq!(print_string_literal("$${"), r#""$\${""#);
        assert_eq!(print_string_literal("$"), r#""$""#);
        assert_eq!(print_string_literal("$$"), r#""$$""#);
        // other control characters and non-ASCII are written raw
        // (builtins.fromJSON "\"\\u0001\\u001b\\u007f\\u00e9\\u2603\"")
        assert_eq!(
            print_string_literal("\u{1}\u{1b}\u{7f}é☃"),
            "\"\u{1}\u{1b}\u{7f}é☃\""
        );
        assert_eq!(print_string_literal(""), "\"\"");
    }

    #[test]
    fn attr_names() {
        // nix-instantiate --eval -E '{ "1" = 2; "a b" = 1; ... }'
        let cases: &[(&str, &str)] = &[
            ("", r#""""#),
            ("\n", r#""\n""#),
            ("${", r#""\${""#),
            ("'a", r#""'a""#),
            ("-a", r#""-a""#),
            ("1", r#""1""#),
            ("1a", r#""1a""#),
            ("A_'-9", "A_'-9"),
            ("__curPos", "__curPos"),
            ("_a", "_a"),
            ("_", "_"),
            ("a b", r#""a b""#),
            ("a$", r#""a\$""#),
            ("$", r#""\$""#),
            ("a$b", r#""a\$b""#),
            ("$$", r#""\$\$""#),
            ("$${", r#""\$\${""#),
            ("\t\r", r#""\t\r""#),
            ("a'b", "a'b"),
            ("a-b", "a-b"),
            ("a.b", r#""a.b""#),
            ("assert", "assert"),
            ("c", "c"),
            ("else", "else"),
            ("false", "false"),
            ("if", r#""if""#),
            ("If", "If"),
            ("iff", "iff"),
            ("in", "in"),
            ("inherit", "inherit"),
            ("let", "let"),
            ("null", "null"),
            ("or", "or"),
            ("rec", "rec"),
            ("then", "then"),
            ("true", "true"),
            ("with", "with"),
            ("x\"y", r#""x\"y""#),
            ("é", r#""é""#),
            ("'", r#""'""#),
            ("-", r#""-""#),
            ("0", r#""0""#),
            ("a'", "a'"),
            ("a-", "a-"),
        ];
        for (name, want) in cases {
            assert_eq!(print_attr_name(name), *want, "attr name {name:?}");
            assert_eq!(
                attr_name_needs_quotes(name),
                want.starts_with('"'),
                "needs quotes {name:?}"
            );
        }
    }

    #[test]
    fn json_strings() {
        // builtins.toJSON [ "a\"b\\c/d\ne\rf\tg" (fromJSON "\"\\u0001\\u0008\\u000c\\u001f\\u007f\\u0080é☃😀\"") "${"$"}{" ]
        assert_eq!(
            json_escape_string("a\"b\\c/d\ne\rf\tg"),
            r#""a\"b\\c/d\ne\rf\tg""#
        );
        assert_eq!(
            json_escape_string("\u{1}\u{8}\u{c}\u{1f}\u{7f}\u{80}é☃😀"),
            "\"\\u0001\\u0008\\u000c\\u001f\u{7f}\u{80}é☃😀\""
        );
        assert_eq!(json_escape_string("${"), "\"${\"");
        assert_eq!(json_escape_string("\u{0}"), "\"\\u0000\"");
    }

    #[test]
    fn xml_attrs() {
        // builtins.toXML { a = "<>&\"'\n\r\tx\u0001é"; }
        //   → <string value="&lt;&gt;&amp;&quot;'&#xA;\r\tx\x01é" />
        assert_eq!(
            xml_escape_attr("<>&\"'\n\r\tx\u{1}é"),
            "&lt;&gt;&amp;&quot;'&#xA;\r\tx\u{1}é"
        );
    }
}

/// What Nix's logger does to every message before writing it to stderr: ANSI escape
/// sequences are dropped (all of them when `filter_all`, as when stderr is not a terminal;
/// otherwise only non-colour ones), tabs expand to the next multiple of 8 columns counted
/// from the start of the message (newlines count as one column), and `\r` is dropped.
pub fn filter_ansi_escapes(s: &str, filter_all: bool) -> String {
    let bytes = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut width = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == 0x1b {
            let start = i;
            i += 1;
            let mut last = 0u8;
            if i < bytes.len() && bytes[i] == b'[' {
                i += 1;
                while i < bytes.len() && (0x30..=0x3f).contains(&bytes[i]) {
                    i += 1;
                }
                while i < bytes.len() && (0x20..=0x2f).contains(&bytes[i]) {
                    i += 1;
                }
                if i < bytes.len() && (0x40..=0x7e).contains(&bytes[i]) {
                    last = bytes[i];
                    i += 1;
                }
            } else if i < bytes.len() && (0x40..=0x5f).contains(&bytes[i]) {
                i += 1;
            }
            if !filter_all && last == b'm' {
                out.extend_from_slice(&bytes[start..i]);
            }
        } else if c == b'\t' {
            i += 1;
            out.push(b' ');
            width += 1;
            while !width.is_multiple_of(8) {
                out.push(b' ');
                width += 1;
            }
        } else if c == b'\r' {
            i += 1;
        } else {
            // One column per character: copy its UTF-8 continuation bytes along.
            out.push(c);
            i += 1;
            while i < bytes.len() && bytes[i] & 0xc0 == 0x80 {
                out.push(bytes[i]);
                i += 1;
            }
            width += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod filter_tests {
    use super::filter_ansi_escapes;

    #[test]
    fn drops_escapes_and_expands_tabs_like_nix() {
        // Recorded from Nix 2.8 with stderr redirected.
        assert_eq!(
            filter_ansi_escapes("trace: u00e9\tb\n\tc", true),
            "trace: u00e9    b\n      c"
        );
        assert_eq!(
            filter_ansi_escapes("trace: é\tb", true),
            "trace: é        b"
        );
        assert_eq!(
            filter_ansi_escapes("trace: \x1b[1;31mred\x1b[0m \x1bXq\x1b(B", true),
            "trace: red q(B"
        );
        assert_eq!(
            filter_ansi_escapes("\x1b[1mA\x1b[0m", false),
            "\x1b[1mA\x1b[0m"
        );
    }
}

#[cfg(test)]
mod json_escape_tests {
    use super::*;

    #[test]
    fn first_escape_found_at_every_offset() {
        // Every byte value at every position of strings of up to 20 bytes, with a
        // background that needs no escape and, after the byte, one that does.
        for len in 1..20 {
            for pos in 0..len {
                for b in 0..=255u8 {
                    let mut s = vec![b'a'; len];
                    s[pos] = b;
                    if pos + 1 < len {
                        s[pos + 1] = b'"';
                    }
                    let want = s.iter().position(|&c| NEEDS_JSON_ESCAPE[c as usize]);
                    assert_eq!(first_json_escape(&s), want, "{s:?}");
                }
            }
        }
    }
}
