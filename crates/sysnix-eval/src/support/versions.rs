//! Version strings: splitVersion, compareVersions, parseDrvName.

use std::cmp::Ordering;

/// Splits a version into components: runs of digits, runs of other non-separator characters.
pub fn split_version(v: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = v.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '.' || c == '-' {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
        } else {
            while i < chars.len()
                && !chars[i].is_ascii_digit()
                && chars[i] != '.'
                && chars[i] != '-'
            {
                i += 1;
            }
        }
        out.push(chars[start..i].iter().collect());
    }
    out
}

fn component_less(a: &str, b: &str) -> bool {
    let an = !a.is_empty() && a.chars().all(|c| c.is_ascii_digit());
    let bn = !b.is_empty() && b.chars().all(|c| c.is_ascii_digit());
    if an && bn {
        let (x, y) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
        return (x.len(), x) < (y.len(), y);
    }
    if a.is_empty() && bn {
        return true;
    }
    if a == "pre" && b != "pre" {
        return true;
    }
    if b == "pre" {
        return false;
    }
    if bn {
        return true;
    }
    if an {
        return false;
    }
    a < b
}

/// `builtins.compareVersions`.
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    let (x, y) = (split_version(a), split_version(b));
    for i in 0..x.len().max(y.len()) {
        let p = x.get(i).map(String::as_str).unwrap_or("");
        let q = y.get(i).map(String::as_str).unwrap_or("");
        if component_less(p, q) {
            return Ordering::Less;
        }
        if component_less(q, p) {
            return Ordering::Greater;
        }
    }
    Ordering::Equal
}

/// `builtins.parseDrvName`: the name ends at the first `-` followed by a non-letter.
pub fn parse_drv_name(s: &str) -> (String, String) {
    let bytes = s.as_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'-' && i + 1 < bytes.len() && !bytes[i + 1].is_ascii_alphabetic() {
            return (s[..i].to_string(), s[i + 1..].to_string());
        }
    }
    (s.to_string(), String::new())
}
