//! Hash algorithms, hash values and the textual forms Nix prints them in.
//!
//! Parsing of hashes written by users lives in the `parse` submodule; it is
//! exposed as [`Hash::parse`].

mod parse;
#[cfg(test)]
mod tests;

use std::fmt;

use base64::Engine as _;
use sha2::Digest as _;

pub use parse::base64_decode;

/// A hash algorithm Nix knows by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum HashAlgo {
    /// MD5, 16 bytes.
    Md5,
    /// SHA-1, 20 bytes.
    Sha1,
    /// SHA-256, 32 bytes.
    Sha256,
    /// SHA-512, 64 bytes.
    Sha512,
}

impl HashAlgo {
    /// Every algorithm, in Nix's order.
    pub const ALL: [HashAlgo; 4] = [
        HashAlgo::Md5,
        HashAlgo::Sha1,
        HashAlgo::Sha256,
        HashAlgo::Sha512,
    ];

    /// The algorithm with this name ("md5", "sha1", "sha256", "sha512").
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The algorithm's name as Nix writes it.
    pub fn name(self) -> &'static str {
        match self {
            HashAlgo::Md5 => "md5",
            HashAlgo::Sha1 => "sha1",
            HashAlgo::Sha256 => "sha256",
            HashAlgo::Sha512 => "sha512",
        }
    }

    /// Length of a digest in bytes.
    pub fn size(self) -> usize {
        match self {
            HashAlgo::Md5 => 16,
            HashAlgo::Sha1 => 20,
            HashAlgo::Sha256 => 32,
            HashAlgo::Sha512 => 64,
        }
    }

    /// The digest of `data`.
    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        let mut h = Hasher::new(self);
        h.update(data);
        h.finish().bytes
    }
}

impl fmt::Display for HashAlgo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A hash computed piece by piece; also an [`std::io::Write`] sink, so that
/// a NAR or a file can be copied into it.
#[derive(Clone)]
pub struct Hasher(HasherState);

#[derive(Clone)]
enum HasherState {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha256(sha2::Sha256),
    Sha512(sha2::Sha512),
}

impl Hasher {
    /// A hasher with nothing fed to it yet.
    pub fn new(algo: HashAlgo) -> Self {
        Hasher(match algo {
            HashAlgo::Md5 => HasherState::Md5(md5::Md5::new()),
            HashAlgo::Sha1 => HasherState::Sha1(sha1::Sha1::new()),
            HashAlgo::Sha256 => HasherState::Sha256(sha2::Sha256::new()),
            HashAlgo::Sha512 => HasherState::Sha512(sha2::Sha512::new()),
        })
    }

    /// Feeds more data.
    pub fn update(&mut self, data: &[u8]) {
        match &mut self.0 {
            HasherState::Md5(h) => h.update(data),
            HasherState::Sha1(h) => h.update(data),
            HasherState::Sha256(h) => h.update(data),
            HasherState::Sha512(h) => h.update(data),
        }
    }

    /// The hash of everything fed so far.
    pub fn finish(self) -> Hash {
        let (algo, bytes) = match self.0 {
            HasherState::Md5(h) => (HashAlgo::Md5, h.finalize().to_vec()),
            HasherState::Sha1(h) => (HashAlgo::Sha1, h.finalize().to_vec()),
            HasherState::Sha256(h) => (HashAlgo::Sha256, h.finalize().to_vec()),
            HasherState::Sha512(h) => (HashAlgo::Sha512, h.finalize().to_vec()),
        };
        Hash { algo, bytes }
    }
}

impl std::io::Write for Hasher {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A textual form of a hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashFormat {
    /// Lower-case hexadecimal.
    Base16,
    /// Nix's base 32 (see [`crate::base32`]).
    Nix32,
    /// Standard base 64 with padding.
    Base64,
    /// Subresource Integrity: `<algo>-<base64>`.
    Sri,
}

impl HashFormat {
    /// The format with this name: "base16", "nix32" (or its older name
    /// "base32"), "base64" or "sri".
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "base16" => Some(HashFormat::Base16),
            "nix32" | "base32" => Some(HashFormat::Nix32),
            "base64" => Some(HashFormat::Base64),
            "sri" => Some(HashFormat::Sri),
            _ => None,
        }
    }

    /// The format's canonical name.
    pub fn name(self) -> &'static str {
        match self {
            HashFormat::Base16 => "base16",
            HashFormat::Nix32 => "nix32",
            HashFormat::Base64 => "base64",
            HashFormat::Sri => "sri",
        }
    }
}

/// A hash value together with its algorithm.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hash {
    /// The algorithm that produced `bytes`.
    pub algo: HashAlgo,
    /// The digest; `algo.size()` bytes long.
    pub bytes: Vec<u8>,
}

impl Hash {
    /// The hash of `data` under `algo`.
    pub fn of(algo: HashAlgo, data: &[u8]) -> Self {
        Hash {
            algo,
            bytes: algo.digest(data),
        }
    }

    /// The all-zero hash, which Nix assumes for an empty `outputHash`.
    pub fn zero(algo: HashAlgo) -> Self {
        Hash {
            algo,
            bytes: vec![0; algo.size()],
        }
    }

    /// Prints the hash in `format`, prefixed with `<algo>:` when `with_algo`
    /// is set. The SRI form always carries its `<algo>-` prefix.
    pub fn to_string(&self, format: HashFormat, with_algo: bool) -> String {
        let mut s = String::new();
        if format == HashFormat::Sri || with_algo {
            s.push_str(self.algo.name());
            s.push(if format == HashFormat::Sri { '-' } else { ':' });
        }
        match format {
            HashFormat::Base16 => s.push_str(&to_hex(&self.bytes)),
            HashFormat::Nix32 => s.push_str(&crate::base32::encode(&self.bytes)),
            HashFormat::Base64 | HashFormat::Sri => {
                s.push_str(&base64::engine::general_purpose::STANDARD.encode(&self.bytes))
            }
        }
        s
    }

    /// Lower-case hexadecimal digest without prefix (a shorthand).
    pub fn to_hex(&self) -> String {
        to_hex(&self.bytes)
    }
}

/// Lower-case hexadecimal form of `bytes`.
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    s
}
