//! The Nix ARchive (NAR) serialisation of a file tree.
//!
//! A NAR is a sequence of strings, each written as its length (64-bit
//! little-endian) followed by its bytes and zero padding up to a multiple of
//! eight. It records only what Nix keeps of a tree: regular files with their
//! contents and executable bit, symlinks with their targets, and directories
//! with their entries sorted by name. Times, owners and other permission
//! bits are left out, so equal trees give equal NARs (and equal hashes).

use std::fs::{self, File, Metadata};
use std::io::{self, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::hash::{HashAlgo, Hasher};

/// The kind of a file, as Nix's path filters see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A regular file.
    Regular,
    /// A directory.
    Directory,
    /// A symbolic link (never followed).
    Symlink,
    /// Anything else (device, socket, fifo); cannot be archived.
    Unknown,
}

impl FileKind {
    /// The kind of the file `meta` describes (from `symlink_metadata`).
    pub fn of(meta: &Metadata) -> Self {
        let ft = meta.file_type();
        if ft.is_file() {
            FileKind::Regular
        } else if ft.is_dir() {
            FileKind::Directory
        } else if ft.is_symlink() {
            FileKind::Symlink
        } else {
            FileKind::Unknown
        }
    }

    /// The name Nix passes to a filter function: "regular", "directory",
    /// "symlink" or "unknown".
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Regular => "regular",
            FileKind::Directory => "directory",
            FileKind::Symlink => "symlink",
            FileKind::Unknown => "unknown",
        }
    }
}

/// Writes the NAR of `path` (not following a symlink at `path` itself).
pub fn dump_path(path: &Path, out: &mut impl Write) -> io::Result<()> {
    dump_path_filtered(path, out, |_, _| true)
}

/// Writes the NAR of `path`, leaving out every entry below it for which
/// `filter` returns false (a left-out directory is not descended into).
///
/// As in Nix, `path` itself is never passed to the filter, and entries are
/// offered in sorted order, depth first.
pub fn dump_path_filtered(
    path: &Path,
    out: &mut impl Write,
    mut filter: impl FnMut(&Path, FileKind) -> bool,
) -> io::Result<()> {
    try_dump_path_filtered(path, out, |p, k| Ok::<_, io::Error>(filter(p, k)))
}

/// Like [`dump_path_filtered`], with a filter that may fail (for instance a
/// Nix function that throws); its error ends the dump and is returned.
pub fn try_dump_path_filtered<E: From<io::Error>>(
    path: &Path,
    out: &mut impl Write,
    mut filter: impl FnMut(&Path, FileKind) -> Result<bool, E>,
) -> Result<(), E> {
    write_str(out, b"nix-archive-1")?;
    dump_node(path, out, &mut filter)
}

/// SHA-256 of the NAR of `path`.
pub fn nar_sha256(path: &Path) -> io::Result<[u8; 32]> {
    nar_sha256_filtered(path, |_, _| true)
}

/// SHA-256 of the NAR of `path` with `filter` applied as in
/// [`dump_path_filtered`].
pub fn nar_sha256_filtered(
    path: &Path,
    filter: impl FnMut(&Path, FileKind) -> bool,
) -> io::Result<[u8; 32]> {
    let mut hasher = Hasher::new(HashAlgo::Sha256);
    dump_path_filtered(path, &mut hasher, filter)?;
    let bytes = hasher.finish().bytes;
    bytes
        .try_into()
        .map_err(|_| io::Error::other("SHA-256 digest has the wrong length"))
}

fn dump_node<E: From<io::Error>>(
    path: &Path,
    out: &mut impl Write,
    filter: &mut impl FnMut(&Path, FileKind) -> Result<bool, E>,
) -> Result<(), E> {
    let meta = fs::symlink_metadata(path)?;
    write_str(out, b"(")?;
    match FileKind::of(&meta) {
        FileKind::Regular => {
            write_strs(out, &[b"type", b"regular"])?;
            if meta.permissions().mode() & 0o100 != 0 {
                write_strs(out, &[b"executable", b""])?;
            }
            write_str(out, b"contents")?;
            dump_contents(path, out)?;
        }
        FileKind::Symlink => {
            let target = fs::read_link(path)?;
            write_strs(out, &[b"type", b"symlink", b"target"])?;
            write_str(out, target.as_os_str().as_bytes())?;
        }
        FileKind::Directory => {
            write_strs(out, &[b"type", b"directory"])?;
            let mut names = fs::read_dir(path)?
                .map(|e| e.map(|e| e.file_name()))
                .collect::<io::Result<Vec<_>>>()?;
            names.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
            for name in names {
                let child = path.join(&name);
                let kind = FileKind::of(&fs::symlink_metadata(&child)?);
                if !filter(&child, kind)? {
                    continue;
                }
                write_strs(out, &[b"entry", b"(", b"name", name.as_bytes(), b"node"])?;
                dump_node(&child, out, filter)?;
                write_str(out, b")")?;
            }
        }
        FileKind::Unknown => {
            return Err(io::Error::other(format!(
                "file '{}' has an unsupported type",
                path.display()
            ))
            .into());
        }
    }
    write_str(out, b")")?;
    Ok(())
}

/// Streams a regular file's contents as one NAR string.
fn dump_contents(path: &Path, out: &mut impl Write) -> io::Result<()> {
    let file = File::open(path)?;
    let len = file.metadata()?.len();
    out.write_all(&len.to_le_bytes())?;
    let copied = io::copy(&mut file.take(len), out)?;
    if copied != len {
        return Err(io::Error::other(format!(
            "file '{}' changed size while it was being archived",
            path.display()
        )));
    }
    write_padding(out, len)
}

fn write_strs(out: &mut impl Write, strs: &[&[u8]]) -> io::Result<()> {
    strs.iter().try_for_each(|s| write_str(out, s))
}

fn write_str(out: &mut impl Write, s: &[u8]) -> io::Result<()> {
    out.write_all(&(s.len() as u64).to_le_bytes())?;
    out.write_all(s)?;
    write_padding(out, s.len() as u64)
}

fn write_padding(out: &mut impl Write, len: u64) -> io::Result<()> {
    let pad = (8 - len % 8) % 8;
    out.write_all(&[0u8; 8][..pad as usize])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{TempDir, sample_tree};

    fn hex(bytes: &[u8]) -> String {
        crate::hash::to_hex(bytes)
    }

    #[test]
    fn single_file_bytes() {
        let dir = TempDir::new();
        let file = dir.path().join("single");
        fs::write(&file, "hello\n").unwrap();
        let mut nar = Vec::new();
        dump_path(&file, &mut nar).unwrap();
        // nix-store --dump single | od -c  (Nix 2.8): 120 bytes.
        let mut want = Vec::new();
        for s in [
            &b"nix-archive-1"[..],
            b"(",
            b"type",
            b"regular",
            b"contents",
            b"hello\n",
            b")",
        ] {
            want.extend_from_slice(&(s.len() as u64).to_le_bytes());
            want.extend_from_slice(s);
            want.resize(want.len().div_ceil(8) * 8, 0);
        }
        assert_eq!(nar.len(), 120);
        assert_eq!(nar, want);
        // nix-store --dump single | sha256sum
        assert_eq!(
            hex(&nar_sha256(&file).unwrap()),
            "1c37d01af40be2e80691de3cc3df44377a699afbb17c68f080964b2fd071fc13"
        );
    }

    #[test]
    fn symlink_at_root_is_not_followed() {
        let dir = TempDir::new();
        let link = dir.path().join("lnk");
        std::os::unix::fs::symlink("/some/target", &link).unwrap();
        // ln -s /some/target lnk; nix-store --dump lnk | sha256sum
        assert_eq!(
            hex(&nar_sha256(&link).unwrap()),
            "aa13fe631ca328e24d23d581ef107cf7db77c0ad9987377358dee2e343d20178"
        );
    }

    #[test]
    fn tree_matches_nix() {
        let dir = TempDir::new();
        let root = sample_tree(dir.path());
        let mut nar = Vec::new();
        dump_path(&root, &mut nar).unwrap();
        // nix-store --dump root | wc -c; nix-hash --type sha256 root
        assert_eq!(nar.len(), 1432);
        assert_eq!(
            hex(&nar_sha256(&root).unwrap()),
            "db224d4f46280010655063b7c47c0c1d9b47539c832e1104cd89d12424bfb2e6"
        );
    }

    #[test]
    fn filter_sees_sorted_children_only() {
        let dir = TempDir::new();
        let root = sample_tree(dir.path());
        let mut seen = Vec::new();
        nar_sha256_filtered(&root, |p, k| {
            let rel = p.strip_prefix(&root).unwrap().display().to_string();
            seen.push(format!("{rel} {}", k.name()));
            true
        })
        .unwrap();
        // builtins.filterSource (p: t: builtins.trace "${p} ${t}" true) ./root
        assert_eq!(
            seen,
            [
                "B regular",
                "a.txt regular",
                "emptydir directory",
                "exec.sh regular",
                "sub directory",
                "sub/link symlink",
                "sub/z regular"
            ]
        );
    }

    #[test]
    fn filter_error_stops_the_dump() {
        let dir = TempDir::new();
        let root = sample_tree(dir.path());
        let mut calls = 0;
        let r = try_dump_path_filtered(&root, &mut io::sink(), |_, _| {
            calls += 1;
            if calls == 2 {
                Err(io::Error::other("boom"))
            } else {
                Ok(true)
            }
        });
        assert_eq!(r.unwrap_err().to_string(), "boom");
        assert_eq!(calls, 2);
    }

    #[test]
    fn sockets_cannot_be_archived() {
        let dir = TempDir::new();
        let sock = dir.path().join("sock");
        let _listener = std::os::unix::net::UnixListener::bind(&sock).unwrap();
        let err = nar_sha256(dir.path()).unwrap_err().to_string();
        assert_eq!(
            err,
            format!("file '{}' has an unsupported type", sock.display())
        );
        // A filter may leave it out, as builtins.filterSource would.
        assert!(nar_sha256_filtered(dir.path(), |_, k| k != FileKind::Unknown).is_ok());
    }

    #[test]
    fn missing_path_is_an_error() {
        let dir = TempDir::new();
        assert!(nar_sha256(&dir.path().join("nope")).is_err());
    }
}
