//! Nix's base-32 encoding ("nix32").
//!
//! Nix writes hashes in base 32 with its own alphabet, which leaves out the
//! letters `e`, `o`, `u` and `t`, and with the bits taken from the end of the
//! byte string first: the first character printed holds the most significant
//! bits of the last byte. It is not RFC 4648 base 32.

/// The 32 digits, in order of value.
pub const ALPHABET: &[u8; 32] = b"0123456789abcdfghijklmnpqrsvwxyz";

/// Number of characters that encode `byte_len` bytes.
pub fn encoded_len(byte_len: usize) -> usize {
    if byte_len == 0 {
        0
    } else {
        (byte_len * 8 - 1) / 5 + 1
    }
}

/// Number of bytes that `char_len` characters decode to (rounding down).
pub fn decoded_len(char_len: usize) -> usize {
    char_len * 5 / 8
}

/// The value of one digit, or `None` for a character outside the alphabet.
pub fn digit_value(c: u8) -> Option<u8> {
    ALPHABET.iter().position(|&d| d == c).map(|p| p as u8)
}

/// Encodes bytes as Nix prints them in base 32.
pub fn encode(bytes: &[u8]) -> String {
    let len = encoded_len(bytes.len());
    let mut out = String::with_capacity(len);
    for n in (0..len).rev() {
        let bit = n * 5;
        let (i, j) = (bit / 8, bit % 8);
        let low = u16::from(bytes[i]) >> j;
        let high = bytes.get(i + 1).map_or(0, |&b| u16::from(b) << (8 - j));
        out.push(char::from(ALPHABET[usize::from((low | high) & 0x1f)]));
    }
    out
}

/// Decodes a Nix base-32 string.
///
/// Returns `None` when a character is outside the alphabet, when the length
/// is not one that [`encode`] produces, or when the string carries bits past
/// the end of the decoded bytes (so that `encode(decode(s)) == s` always).
pub fn decode(s: &str) -> Option<Vec<u8>> {
    let chars = s.as_bytes();
    let size = decoded_len(chars.len());
    if encoded_len(size) != chars.len() {
        return None;
    }
    let mut out = vec![0u8; size];
    for (n, &c) in chars.iter().rev().enumerate() {
        let digit = u16::from(digit_value(c)?);
        let bit = n * 5;
        let (i, j) = (bit / 8, bit % 8);
        *out.get_mut(i)? |= (digit << j) as u8;
        let carry = (digit >> (8 - j)) as u8;
        match out.get_mut(i + 1) {
            Some(next) => *next |= carry,
            None if carry != 0 => return None,
            None => {}
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_nix() {
        // nix hash to-base32 --type sha1 0000000000000000000000000000000000000001
        let mut one = [0u8; 20];
        one[19] = 1;
        assert_eq!(encode(&one), "04000000000000000000000000000000");
        // nix hash to-base32 --type md5 ffffffffffffffffffffffffffffffff
        assert_eq!(encode(&[0xff; 16]), "7zzzzzzzzzzzzzzzzzzzzzzzzz");
        assert_eq!(encode(&[0; 32]), "0".repeat(52));
        assert_eq!(encode(&[]), "");
    }

    #[test]
    fn decodes_what_it_encodes() {
        let bytes: Vec<u8> = (0u8..=255).collect();
        for len in [0, 1, 2, 5, 16, 20, 32, 64, 200] {
            let s = encode(&bytes[..len]);
            assert_eq!(s.len(), encoded_len(len));
            assert_eq!(decode(&s).as_deref(), Some(&bytes[..len]), "len {len}");
        }
    }

    #[test]
    fn rejects_bad_input() {
        assert_eq!(decode("e"), None);
        // A character outside the alphabet.
        assert_eq!(decode("0400000000000000000000000000000e"), None);
        // Lengths that encode produces never: 1 char, 3 chars.
        assert_eq!(decode("0"), None);
        assert_eq!(decode("000"), None);
        // The leading digit of 16 bytes may hold only 3 bits.
        assert_eq!(decode("8zzzzzzzzzzzzzzzzzzzzzzzzz"), None);
        assert_eq!(decode("7zzzzzzzzzzzzzzzzzzzzzzzzz"), Some(vec![0xff; 16]));
        assert_eq!(decode("é"), None);
    }
}
