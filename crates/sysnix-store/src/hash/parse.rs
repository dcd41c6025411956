//! Reading hashes the way Nix's `Hash::parseAny` does: base 16, Nix base 32
//! or base 64, told apart by length, optionally prefixed by `<algo>:`, or in
//! SRI form `<algo>-<base64>`.

use super::{Hash, HashAlgo};
use crate::base32;

impl Hash {
    /// Parses a hash in any form Nix accepts.
    ///
    /// The algorithm comes from the string's prefix (`sha256:…` or SRI
    /// `sha256-…`) or from `algo`; when both are given they must agree.
    /// The digits themselves may be base 16, Nix base 32 or base 64 (SRI:
    /// base 64 only), recognised by their length.
    pub fn parse(s: &str, algo: Option<HashAlgo>) -> Result<Hash, String> {
        let (prefix, rest, sri) = split_prefix(s);
        let parsed = match prefix {
            Some(p) => Some(
                HashAlgo::from_name(p).ok_or_else(|| format!("unknown hash algorithm '{p}'"))?,
            ),
            None => None,
        };
        let algo = match (parsed, algo) {
            (None, None) => {
                return Err(format!(
                    "hash '{rest}' does not include a type, nor is the type otherwise known from context"
                ));
            }
            (Some(p), Some(a)) if p != a => {
                return Err(format!("hash '{s}' should have type '{a}'"));
            }
            (Some(p), _) => p,
            (None, Some(a)) => a,
        };
        Hash::parse_digits(rest, algo, sri)
    }

    /// Like [`Hash::parse`], but an empty string stands for the all-zero hash
    /// of `algo`, as for a derivation's `outputHash` (Nix then warns "found
    /// empty hash, assuming '`<SRI>`'"; that warning is the caller's to print).
    pub fn parse_allow_empty(s: &str, algo: Option<HashAlgo>) -> Result<Hash, String> {
        if !s.is_empty() {
            return Hash::parse(s, algo);
        }
        match algo {
            Some(a) => Ok(Hash::zero(a)),
            None => Err("empty hash requires explicit hash type".to_string()),
        }
    }

    /// Parses digits without any prefix, for a known algorithm. With `sri`
    /// only base 64 is accepted, at any length that decodes to the digest.
    pub fn parse_digits(rest: &str, algo: HashAlgo, sri: bool) -> Result<Hash, String> {
        let size = algo.size();
        let bytes = if !sri && rest.len() == size * 2 {
            from_hex(rest).ok_or_else(|| format!("invalid base-16 hash '{rest}'"))?
        } else if !sri && rest.len() == base32::encoded_len(size) {
            base32::decode(rest).ok_or_else(|| format!("invalid base-32 hash '{rest}'"))?
        } else if sri || rest.len() == base64_len(size) {
            let bytes = base64_decode(rest)?;
            if bytes.len() != size {
                let kind = if sri { "SRI" } else { "base-64" };
                return Err(format!("invalid {kind} hash '{rest}'"));
            }
            bytes
        } else {
            return Err(format!(
                "hash '{rest}' has wrong length for hash type '{algo}'"
            ));
        };
        Ok(Hash { algo, bytes })
    }
}

/// Splits `<algo>:<rest>` or SRI `<algo>-<rest>`; a colon anywhere wins
/// over a dash, as in Nix.
fn split_prefix(s: &str) -> (Option<&str>, &str, bool) {
    if let Some((p, rest)) = s.split_once(':') {
        (Some(p), rest, false)
    } else if let Some((p, rest)) = s.split_once('-') {
        (Some(p), rest, true)
    } else {
        (None, s, false)
    }
}

/// Length of the padded base-64 form of `size` bytes.
fn base64_len(size: usize) -> usize {
    ((4 * size / 3) + 3) & !3
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| char::from(c).to_digit(16).map(|d| d as u8);
    s.as_bytes()
        .chunks(2)
        .map(|pair| match pair {
            [hi, lo] => Some(digit(*hi)? << 4 | digit(*lo)?),
            _ => None,
        })
        .collect()
}

/// Decodes base 64 as leniently as Nix: decoding stops at the first `=`,
/// newlines are skipped, and missing padding is no error.
pub fn base64_decode(s: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.chars() {
        let digit = match c {
            '=' => break,
            '\n' => continue,
            'A'..='Z' => c as u32 - 'A' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 26,
            '0'..='9' => c as u32 - '0' as u32 + 52,
            '+' => 62,
            '/' => 63,
            _ => return Err(format!("invalid character in Base64 string: '{c}'")),
        };
        acc = (acc << 6 | digit) & 0xffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(out)
}
