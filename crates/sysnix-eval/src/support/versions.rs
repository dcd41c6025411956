//! Version strings: `builtins.splitVersion`, `builtins.compareVersions` and
//! `builtins.parseDrvName`, following Nix 2.8 byte for byte.
//!
//! A version is a sequence of components separated by `.` and `-`.  A
//! component is either a maximal run of ASCII digits or a maximal run of
//! other non-separator bytes (`"1.2pre3"` → `1`, `2`, `pre`, `3`).
//!
//! Components compare as follows (first rule that applies):
//! both numeric → numerically; an empty component is smaller than a
//! numeric one; `pre` is smaller than anything but `pre`; a numeric
//! component is greater than a non-numeric one; otherwise byte-wise string
//! order.  "Numeric" means it parses as a C `int`: digit runs that overflow
//! a 32-bit signed integer count as strings, like in Nix.

use std::cmp::Ordering;

fn is_sep(b: u8) -> bool {
    b == b'.' || b == b'-'
}

/// Returns the next component starting at `*pos` (skipping separators), or
/// an empty slice at the end.
fn next_component<'a>(v: &'a [u8], pos: &mut usize) -> &'a [u8] {
    while *pos < v.len() && is_sep(v[*pos]) {
        *pos += 1;
    }
    let start = *pos;
    if start >= v.len() {
        return &v[v.len()..];
    }
    if v[start].is_ascii_digit() {
        while *pos < v.len() && v[*pos].is_ascii_digit() {
            *pos += 1;
        }
    } else {
        while *pos < v.len() && !v[*pos].is_ascii_digit() && !is_sep(v[*pos]) {
            *pos += 1;
        }
    }
    &v[start..*pos]
}

/// Parses a component as a 32-bit `int` (digits only, no overflow).
fn as_int(c: &[u8]) -> Option<i32> {
    if c.is_empty() || !c.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut v: i32 = 0;
    for d in c {
        v = v.checked_mul(10)?.checked_add((d - b'0') as i32)?;
    }
    Some(v)
}

fn components_lt(c1: &[u8], c2: &[u8]) -> bool {
    let n1 = as_int(c1);
    let n2 = as_int(c2);
    match (n1, n2) {
        (Some(a), Some(b)) => a < b,
        _ if c1.is_empty() && n2.is_some() => true,
        _ if c1 == b"pre" && c2 != b"pre" => true,
        _ if c2 == b"pre" => false,
        (_, Some(_)) => true,
        (Some(_), _) => false,
        _ => c1 < c2,
    }
}

/// `builtins.splitVersion`: the components of a version string.
///
/// `splitVersion "1.2-pre3"` → `["1" "2" "pre" "3"]`; separators are never
/// part of the result and `splitVersion ""` is `[]`.
pub fn split_version(v: &str) -> Vec<String> {
    let bytes = v.as_bytes();
    let mut pos = 0;
    let mut out = Vec::new();
    loop {
        let c = next_component(bytes, &mut pos);
        if c.is_empty() {
            break;
        }
        // Components never split a UTF-8 sequence: separators and digits are
        // ASCII, and a non-digit run stops only at ASCII bytes.
        out.push(String::from_utf8_lossy(c).into_owned());
    }
    out
}

/// `builtins.compareVersions`: `Less` if `a` is older than `b`, `Equal` if
/// they are the same version, `Greater` otherwise (Nix returns -1/0/1).
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    let (v1, v2) = (a.as_bytes(), b.as_bytes());
    let (mut p1, mut p2) = (0usize, 0usize);
    while p1 < v1.len() || p2 < v2.len() {
        let c1 = next_component(v1, &mut p1);
        let c2 = next_component(v2, &mut p2);
        if components_lt(c1, c2) {
            return Ordering::Less;
        }
        if components_lt(c2, c1) {
            return Ordering::Greater;
        }
    }
    Ordering::Equal
}

/// `builtins.parseDrvName`: splits a derivation name into `(name, version)`
/// at the first `-` that is followed by a byte that is not an ASCII letter.
///
/// `"hello-world-1.2"` → `("hello-world", "1.2")`, `"hello"` →
/// `("hello", "")`, `"foo-é1"` → `("foo", "é1")` (non-ASCII bytes are not
/// letters for Nix's `isalpha`).
pub fn parse_drv_name(s: &str) -> (String, String) {
    let b = s.as_bytes();
    for i in 0..b.len() {
        if b[i] == b'-' && i + 1 < b.len() && !b[i + 1].is_ascii_alphabetic() {
            // `-` is ASCII, so both halves are valid UTF-8.
            return (s[..i].to_string(), s[i + 1..].to_string());
        }
    }
    (s.to_string(), String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_version_matches_nix() {
        // nix-instantiate --eval --strict --json -E 'map builtins.splitVersion [ ... ]'
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("1.2.3", &["1", "2", "3"]),
            ("1.2-pre3", &["1", "2", "pre", "3"]),
            ("..1..2..", &["1", "2"]),
            ("a.b", &["a", "b"]),
            ("1a2b", &["1", "a", "2", "b"]),
            ("1.2a.3", &["1", "2", "a", "3"]),
            ("-", &[]),
            ("2.3alpha", &["2", "3", "alpha"]),
            ("hello-world_1", &["hello", "world_", "1"]),
            ("1 2", &["1", " ", "2"]),
            ("1_2", &["1", "_", "2"]),
            ("é1", &["é", "1"]),
            ("0001.02", &["0001", "02"]),
            ("1.2.3pre", &["1", "2", "3", "pre"]),
            ("1e5", &["1", "e", "5"]),
            ("+", &["+"]),
            ("a+b-c", &["a+b", "c"]),
            ("99999999999999999999", &["99999999999999999999"]),
        ];
        for (v, want) in cases {
            assert_eq!(split_version(v), *want, "splitVersion {v:?}");
        }
    }

    #[test]
    fn compare_versions_matches_nix() {
        use Ordering::*;
        // builtins.compareVersions A B, results from Nix 2.8.
        let cases: &[(&str, &str, Ordering)] = &[
            ("1.0", "2.3", Less),
            ("2.1", "2.3", Less),
            ("2.3", "2.3", Equal),
            ("2.5", "2.3", Greater),
            ("3.1", "2.3", Greater),
            ("2.3.1", "2.3", Greater),
            ("2.3.1", "2.3a", Greater),
            ("2.3pre1", "2.3", Less),
            ("2.3pre3", "2.3pre12", Less),
            ("2.3a", "2.3c", Less),
            ("2.3pre1", "2.3c", Less),
            ("2.3pre1", "2.3q", Less),
            ("1.0", "1", Greater),
            ("1.0", "1.0.0", Less),
            ("1..0", "1.0", Equal),
            ("1-0", "1.0", Equal),
            ("1", "", Greater),
            ("a", "", Greater),
            ("pre", "", Less),
            ("", "pre", Greater),
            ("pre", "pre", Equal),
            ("1pre", "1", Less),
            ("1.pre", "1", Less),
            ("1.2.3", "1.2.3pre", Greater),
            ("a", "b", Less),
            ("b", "a", Greater),
            ("A", "a", Less),
            ("1a", "1", Greater),
            ("1", "1a", Less),
            ("01", "1", Equal),
            ("001", "1.0", Less),
            // components overflowing a C int are compared as strings
            ("1.99999999999", "1.2", Less),
            ("1.2147483648", "1.2147483647", Less),
            ("1.2147483647", "1.2147483646", Greater),
            ("1.9223372036854775808", "1.3", Less),
            ("1.3", "1.9223372036854775808", Greater),
            ("1.4294967296", "1.5", Less),
            ("1.-1", "1.1", Equal),
            ("alpha", "beta", Less),
            ("2.3alpha", "2.3beta", Less),
            ("2.3alpha", "2.3", Greater),
            ("2.3", "2.3alpha", Less),
            ("1.2", "1_2", Greater),
            ("1.2", "1.2_", Less),
            ("_", "a", Less),
            ("1.0rc1", "1.0", Greater),
            ("1.0", "1.0rc1", Less),
            ("1.0pre", "1.0rc1", Less),
            ("1.0rc", "1.0pre", Greater),
            ("é", "é", Equal),
            ("é", "e", Greater),
            ("1é", "1e", Greater),
            ("+", "1", Less),
            ("", "", Equal),
        ];
        for (a, b, want) in cases {
            assert_eq!(compare_versions(a, b), *want, "compareVersions {a:?} {b:?}");
        }
    }

    #[test]
    fn parse_drv_name_matches_nix() {
        // builtins.parseDrvName, results from Nix 2.8.
        let cases: &[(&str, &str, &str)] = &[
            ("", "", ""),
            ("hello-1.2", "hello", "1.2"),
            ("hello-world-1.2", "hello-world", "1.2"),
            ("hello", "hello", ""),
            ("hello-", "hello-", ""),
            ("-1", "", "1"),
            ("a-b-c", "a-b-c", ""),
            ("foo-1.2-bar", "foo", "1.2-bar"),
            ("foo--1", "foo", "-1"),
            ("foo-_1", "foo", "_1"),
            ("foo-.1", "foo", ".1"),
            ("foo-é1", "foo", "é1"),
            ("nix-0.12pre1234", "nix", "0.12pre1234"),
            ("a-B", "a-B", ""),
            ("a-1-b-2", "a", "1-b-2"),
            ("x- y", "x", " y"),
        ];
        for (s, n, v) in cases {
            assert_eq!(
                parse_drv_name(s),
                (n.to_string(), v.to_string()),
                "parseDrvName {s:?}"
            );
        }
    }
}
