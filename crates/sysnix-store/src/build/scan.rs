//! Finding the references of a build output, as Nix does: by scanning its
//! bytes (file contents and symlink targets) for the hash parts of the
//! candidate store paths.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{self, Read};
use std::path::Path;

use crate::base32;
use crate::path::HASH_PART_LEN;

/// Scans for hash parts of a fixed set of candidate store paths.
pub struct RefScanner {
    by_hash: BTreeMap<[u8; HASH_PART_LEN], String>,
    found: BTreeSet<String>,
}

fn is_nix32(b: u8) -> bool {
    base32::digit_value(b).is_some()
}

impl RefScanner {
    /// A scanner for `candidates` (full store paths of `store_dir`).
    pub fn new<'a>(store_dir: &str, candidates: impl IntoIterator<Item = &'a String>) -> Self {
        let mut by_hash = BTreeMap::new();
        for c in candidates {
            let Some(base) = c.strip_prefix(store_dir).and_then(|r| r.strip_prefix('/')) else {
                continue;
            };
            if let Some(h) = base.as_bytes().get(..HASH_PART_LEN)
                && let Ok(h) = <[u8; HASH_PART_LEN]>::try_from(h)
            {
                by_hash.insert(h, c.clone());
            }
        }
        RefScanner {
            by_hash,
            found: BTreeSet::new(),
        }
    }

    /// Looks for hash parts in `data`, a complete piece of text.
    fn scan_bytes(&mut self, data: &[u8]) {
        let n = HASH_PART_LEN;
        let mut i = 0;
        while i + n <= data.len() {
            // Check the window from its end: on a non-nix32 byte at j we can
            // skip past it.
            let mut j = n;
            let mut ok = true;
            while j > 0 {
                if !is_nix32(data[i + j - 1]) {
                    i += j;
                    ok = false;
                    break;
                }
                j -= 1;
            }
            if !ok {
                continue;
            }
            if let Ok(h) = <[u8; HASH_PART_LEN]>::try_from(&data[i..i + n])
                && let Some(p) = self.by_hash.get(&h)
            {
                self.found.insert(p.clone());
            }
            i += 1;
        }
    }

    /// Scans a file, directory tree or symlink (not followed).
    pub fn scan_path(&mut self, path: &Path) -> io::Result<()> {
        if self.by_hash.is_empty() {
            return Ok(());
        }
        let meta = fs::symlink_metadata(path)?;
        let ft = meta.file_type();
        if ft.is_symlink() {
            let target = fs::read_link(path)?;
            self.scan_bytes(target.as_os_str().as_encoded_bytes());
        } else if ft.is_dir() {
            for entry in fs::read_dir(path)? {
                self.scan_path(&entry?.path())?;
            }
        } else if ft.is_file() {
            self.scan_file(path)?;
        }
        Ok(())
    }

    /// Scans a regular file in chunks, carrying the last bytes of each
    /// chunk over so that no hash is missed at a chunk boundary.
    fn scan_file(&mut self, path: &Path) -> io::Result<()> {
        let mut file = fs::File::open(path)?;
        let keep = HASH_PART_LEN - 1;
        let mut buf = vec![0u8; 1 << 16];
        let mut filled = 0;
        loop {
            let n = file.read(&mut buf[filled..])?;
            if n == 0 {
                break;
            }
            filled += n;
            if filled < buf.len() {
                continue;
            }
            self.scan_bytes(&buf[..filled]);
            buf.copy_within(filled - keep..filled, 0);
            filled = keep;
        }
        self.scan_bytes(&buf[..filled]);
        Ok(())
    }

    /// The candidates found so far.
    pub fn into_found(self) -> BTreeSet<String> {
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_hashes_anywhere_and_only_candidates() {
        let a = "/s/0123456789abcdfghijklmnpqrsvwxyz-a".to_string();
        let b = "/s/zyxwvsrqpnmlkjihgfdcba9876543210-b".to_string();
        let mut s = RefScanner::new("/s", [&a, &b]);
        s.scan_bytes(b"e-0123456789abcdfghijklmnpqrsvwxyzzz");
        assert_eq!(s.into_found(), BTreeSet::from([a.clone()]));
        let mut s = RefScanner::new("/s", [&a, &b]);
        s.scan_bytes(b"0123456789abcdfghijklmnpqrsvwxy");
        assert!(s.into_found().is_empty());
    }
}
