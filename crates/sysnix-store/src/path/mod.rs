//! Store directories and the computation of store path names.
//!
//! A store path is `<store dir>/<hash>-<name>`, where `<hash>` is 32 Nix
//! base-32 characters: the SHA-256 of a "fingerprint"
//! `<type>:sha256:<hex digest>:<store dir>:<name>`, folded to 20 bytes.
//! The type says how the digest was obtained (`text`, `source`,
//! `output:<id>`), so that different kinds of objects never share a path.

mod name;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::io;
use std::path::Path;

pub use name::{
    HASH_PART_LEN, MAX_NAME_LEN, NameProblem, check_base_name, check_name, is_name_char,
    validate_name,
};

use crate::base32;
use crate::hash::{Hash, HashAlgo, HashFormat};
use crate::nar::{self, FileKind};

/// How a file's contents are turned into the hash of a fixed-output path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileIngestion {
    /// The hash of the file's bytes (a single regular file).
    Flat,
    /// The hash of the NAR serialisation of the whole tree.
    Recursive,
}

impl FileIngestion {
    /// The prefix Nix puts before an algorithm name: `""` or `"r:"`.
    pub fn prefix(self) -> &'static str {
        match self {
            FileIngestion::Flat => "",
            FileIngestion::Recursive => "r:",
        }
    }
}

/// A store directory such as `/nix/store` (kept without trailing slash).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StoreDir(String);

impl Default for StoreDir {
    fn default() -> Self {
        StoreDir("/nix/store".to_string())
    }
}

impl StoreDir {
    /// The store directory `dir`, with any trailing slashes removed.
    pub fn new(dir: impl Into<String>) -> Self {
        let mut dir = dir.into();
        while dir.len() > 1 && dir.ends_with('/') {
            dir.pop();
        }
        StoreDir(dir)
    }

    /// The directory as a string, without trailing slash.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The store path for an object of type `kind` (e.g. `"source"`,
    /// `"text:<ref>…"`, `"output:out"`) whose contents hash to `hash`.
    ///
    /// Fails, with Nix's message, when `name` is not a valid store path name.
    pub fn make_store_path(&self, kind: &str, hash: &Hash, name: &str) -> Result<String, String> {
        let fingerprint = format!(
            "{kind}:{}:{}:{name}",
            hash.to_string(HashFormat::Base16, true),
            self.0
        );
        let digest = HashAlgo::Sha256.digest(fingerprint.as_bytes());
        let hash_part = base32::encode(&compress(&digest, 20));
        check_name(name).map_err(|p| p.message(&format!("{hash_part}-{name}")))?;
        Ok(format!("{}/{hash_part}-{name}", self.0))
    }

    /// The path of output `output` of a derivation named `drv_name` whose
    /// `hashDerivationModulo` is `hash`. Outputs other than `out` get the
    /// suffix `-<output>`.
    pub fn make_output_path(
        &self,
        output: &str,
        hash: &Hash,
        drv_name: &str,
    ) -> Result<String, String> {
        let name = output_path_name(drv_name, output);
        self.make_store_path(&format!("output:{output}"), hash, &name)
    }

    /// The path of a text file with `contents` that refers to the store
    /// paths in `references` (`builtins.toFile`, and `.drv` files).
    pub fn make_text_path(
        &self,
        name: &str,
        contents: &[u8],
        references: &BTreeSet<String>,
    ) -> Result<String, String> {
        let hash = Hash::of(HashAlgo::Sha256, contents);
        self.make_store_path(&type_with_references("text", references), &hash, name)
    }

    /// The path of a content-addressed object whose contents (file bytes for
    /// `Flat`, NAR for `Recursive`) hash to `hash`.
    ///
    /// A recursive SHA-256 gives a `source` path, which may have
    /// references; every other combination goes through the
    /// `fixed:out:<method><algo>:<hex>:` indirection and must have none.
    pub fn make_fixed_output_path(
        &self,
        method: FileIngestion,
        hash: &Hash,
        name: &str,
        references: &BTreeSet<String>,
    ) -> Result<String, String> {
        if hash.algo == HashAlgo::Sha256 && method == FileIngestion::Recursive {
            return self.make_store_path(&type_with_references("source", references), hash, name);
        }
        if !references.is_empty() {
            return Err(format!(
                "fixed-output path '{name}' hashed with {}{} cannot have references",
                method.prefix(),
                hash.algo
            ));
        }
        let inner = format!(
            "fixed:out:{}{}:",
            method.prefix(),
            hash.to_string(HashFormat::Base16, true)
        );
        let inner = Hash::of(HashAlgo::Sha256, inner.as_bytes());
        self.make_store_path("output:out", &inner, name)
    }

    /// The store path that a local file or directory is copied to when a
    /// Nix path is coerced to a string (`"${./foo}"`): its NAR hashed with
    /// SHA-256, stored as a `source` path named `name`.
    pub fn store_path_for_local_path(&self, name: &str, path: &Path) -> io::Result<String> {
        self.store_path_for_local_path_filtered(name, path, |_, _| true)
    }

    /// Like [`StoreDir::store_path_for_local_path`] with a filter, as for
    /// `builtins.path` and `builtins.filterSource` (see
    /// [`nar::dump_path_filtered`]).
    pub fn store_path_for_local_path_filtered(
        &self,
        name: &str,
        path: &Path,
        filter: impl FnMut(&Path, FileKind) -> bool,
    ) -> io::Result<String> {
        let digest = nar::nar_sha256_filtered(path, filter)?;
        let hash = Hash {
            algo: HashAlgo::Sha256,
            bytes: digest.to_vec(),
        };
        self.make_fixed_output_path(FileIngestion::Recursive, &hash, name, &BTreeSet::new())
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))
    }

    /// Whether `path` lies inside the store directory (the directory itself
    /// does not count).
    pub fn is_in_store(&self, path: &str) -> bool {
        path.strip_prefix(self.0.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
            .is_some_and(|rest| !rest.is_empty())
    }

    /// Splits a path inside the store into the store path it lies in and the
    /// rest (empty, or starting with `/`). The store path is checked.
    pub fn split_store_path<'a>(&self, path: &'a str) -> Result<(&'a str, &'a str), String> {
        if !self.is_in_store(path) {
            return Err(format!("path '{path}' is not in the Nix store"));
        }
        let start = self.0.len() + 1;
        let end = path[start..].find('/').map_or(path.len(), |i| start + i);
        check_base_name(&path[start..end])?;
        Ok(path.split_at(end))
    }

    /// The store path that `path` lies in (`/nix/store/<hash>-<name>`).
    pub fn to_store_path<'a>(&self, path: &'a str) -> Result<&'a str, String> {
        self.split_store_path(path)
            .map(|(store_path, _)| store_path)
    }

    /// Checks that `path` is exactly a valid store path of this store.
    pub fn parse_store_path<'a>(&self, path: &'a str) -> Result<&'a str, String> {
        match self.split_store_path(path)? {
            (p, "") => Ok(p),
            _ => Err(format!("path '{path}' is not a store path")),
        }
    }

    /// The name part of the store path that `path` lies in.
    pub fn store_path_name<'a>(&self, path: &'a str) -> Result<&'a str, String> {
        let p = self.to_store_path(path)?;
        Ok(&p[self.0.len() + 1 + HASH_PART_LEN + 1..])
    }

    /// The hash part of the store path that `path` lies in.
    pub fn store_path_hash_part<'a>(&self, path: &'a str) -> Result<&'a str, String> {
        let p = self.to_store_path(path)?;
        let start = self.0.len() + 1;
        Ok(&p[start..start + HASH_PART_LEN])
    }
}

/// Whether a path names a derivation (ends in `.drv`).
pub fn is_derivation(path: &str) -> bool {
    path.ends_with(".drv")
}

/// The name of a derivation output's path: `drv_name` for `out`,
/// `<drv_name>-<output>` otherwise.
pub fn output_path_name(drv_name: &str, output: &str) -> String {
    if output == "out" {
        drv_name.to_string()
    } else {
        format!("{drv_name}-{output}")
    }
}

/// Appends `:<path>` for each reference to a store path type.
fn type_with_references(kind: &str, references: &BTreeSet<String>) -> String {
    let mut s = kind.to_string();
    for r in references {
        s.push(':');
        s.push_str(r);
    }
    s
}

/// Folds `digest` to `size` bytes by XOR, as Nix shortens store path hashes.
pub fn compress(digest: &[u8], size: usize) -> Vec<u8> {
    let mut out = vec![0u8; size];
    if size == 0 {
        return out;
    }
    for (i, b) in digest.iter().enumerate() {
        out[i % size] ^= b;
    }
    out
}
