//! File-system operations of the store: copying trees in, canonicalising
//! them as Nix does, moving them atomically, and removing them.

use std::ffi::CString;
use std::fs;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// A name for a fresh temporary entry: `<prefix>-<pid>-<counter>-<nanos>`.
/// Unique within the process and, in practice, across processes.
pub(crate) fn temp_name(prefix: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{prefix}-{}-{n}-{nanos}", std::process::id())
}

pub(crate) fn cstring(path: &Path) -> io::Result<CString> {
    CString::new(path.as_os_str().as_bytes())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "path contains a NUL byte"))
}

/// Copies `src` (a file, directory or symlink, not followed) to `dst`,
/// which must not exist. Entries below `src` for which `filter` (given the
/// entry's full path under `src`) returns false are left out, as
/// `builtins.path`'s filter does; `src` itself is never filtered.
pub(crate) fn copy_tree(
    src: &Path,
    dst: &Path,
    filter: &mut dyn FnMut(&Path) -> bool,
) -> io::Result<()> {
    let meta = fs::symlink_metadata(src)?;
    let ft = meta.file_type();
    if ft.is_symlink() {
        symlink(fs::read_link(src)?, dst)
    } else if ft.is_file() {
        fs::copy(src, dst)?;
        Ok(())
    } else if ft.is_dir() {
        fs::create_dir(dst)?;
        let mut names = fs::read_dir(src)?
            .map(|e| e.map(|e| e.file_name()))
            .collect::<io::Result<Vec<_>>>()?;
        names.sort();
        for name in names {
            let child = src.join(&name);
            if filter(&child) {
                copy_tree(&child, &dst.join(&name), filter)?;
            }
        }
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "file '{}' has an unsupported type",
            src.display()
        )))
    }
}

/// Sets the modification (and access) time of `path`, not following a
/// symlink, to 1 second past the epoch, as Nix does in its store.
fn set_mtime_one(path: &Path) -> io::Result<()> {
    let c = cstring(path)?;
    let t = libc::timespec {
        tv_sec: 1,
        tv_nsec: 0,
    };
    let times = [t, t];
    // SAFETY: `c` is a valid NUL-terminated path and `times` has two entries.
    let r = unsafe {
        libc::utimensat(
            libc::AT_FDCWD,
            c.as_ptr(),
            times.as_ptr(),
            libc::AT_SYMLINK_NOFOLLOW,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Changes the owner of `path` (not following symlinks).
fn lchown(path: &Path, uid: u32, gid: u32) -> io::Result<()> {
    std::os::unix::fs::lchown(path, Some(uid), Some(gid))
}

/// Canonicalises a tree as Nix does for store contents: regular files get
/// mode 0444, or 0555 when the owner may execute them; directories 0555;
/// every entry gets mtime 1 and, when we are root, our own owner. Devices,
/// fifos and sockets are refused. The top directory itself keeps its write
/// bit (mode 0755) so that it can still be renamed into place by a non-root
/// user; [`seal_top`] finishes it.
pub(crate) fn canonicalise(path: &Path) -> io::Result<()> {
    // SAFETY: geteuid/getegid cannot fail.
    let (uid, gid) = unsafe { (libc::geteuid(), libc::getegid()) };
    canonicalise_node(path, uid, gid, true)
}

fn canonicalise_node(path: &Path, uid: u32, gid: u32, top: bool) -> io::Result<()> {
    let meta = fs::symlink_metadata(path)?;
    let ft = meta.file_type();
    if uid == 0 && (meta.uid() != uid || meta.gid() != gid) {
        lchown(path, uid, gid)?;
    }
    if ft.is_symlink() {
        return set_mtime_one(path);
    }
    if ft.is_file() {
        let mode = if meta.mode() & 0o100 != 0 {
            0o555
        } else {
            0o444
        };
        fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
        return set_mtime_one(path);
    }
    if !ft.is_dir() {
        return Err(io::Error::other(format!(
            "file '{}' has an unsupported type",
            path.display()
        )));
    }
    // Make sure we can list and change the directory while we work in it.
    fs::set_permissions(path, fs::Permissions::from_mode(0o755))?;
    for entry in fs::read_dir(path)? {
        canonicalise_node(&entry?.path(), uid, gid, false)?;
    }
    if !top {
        fs::set_permissions(path, fs::Permissions::from_mode(0o555))?;
    }
    set_mtime_one(path)
}

/// Removes the write bit of a canonicalised top directory (after it was
/// renamed into the store) and restores its mtime. Files are left alone.
pub(crate) fn seal_top(path: &Path) -> io::Result<()> {
    let meta = fs::symlink_metadata(path)?;
    if meta.is_dir() {
        fs::set_permissions(path, fs::Permissions::from_mode(0o555))?;
        set_mtime_one(path)?;
    }
    Ok(())
}

/// Renames `from` to `to` unless `to` exists. Returns `Ok(false)`, leaving
/// `from` in place, when `to` already exists.
pub(crate) fn rename_noreplace(from: &Path, to: &Path) -> io::Result<bool> {
    let f = cstring(from)?;
    let t = cstring(to)?;
    // SAFETY: both are valid NUL-terminated paths.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            f.as_ptr(),
            libc::AT_FDCWD,
            t.as_ptr(),
            libc::RENAME_NOREPLACE,
        )
    };
    if r == 0 {
        return Ok(true);
    }
    let err = io::Error::last_os_error();
    match err.raw_os_error() {
        Some(libc::EEXIST) | Some(libc::ENOTEMPTY) => Ok(false),
        // File systems without RENAME_NOREPLACE: check, then rename.
        Some(libc::EINVAL) | Some(libc::ENOSYS) => {
            if fs::symlink_metadata(to).is_ok() {
                return Ok(false);
            }
            fs::rename(from, to)?;
            Ok(true)
        }
        _ => Err(err),
    }
}

/// Writes `contents` to `path` atomically (through a temporary file beside
/// it) with mode 0644.
pub(crate) fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".{}", temp_name("w")));
    fs::write(&tmp, contents)?;
    if let Err(e) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(())
}

/// The number of bytes a tree takes: sizes of its files and symlinks.
pub(crate) fn tree_size(path: &Path) -> u64 {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return 0;
    };
    if meta.is_dir() {
        let mut total = 0;
        if let Ok(entries) = fs::read_dir(path) {
            for e in entries.flatten() {
                total += tree_size(&e.path());
            }
        }
        total
    } else {
        meta.len()
    }
}

/// Removes a file or tree, first giving directories back their write bit.
/// Never descends into a directory on another device (a mount point), so a
/// stray bind mount can never make it delete outside the tree.
pub(crate) fn remove_tree(path: &Path) -> io::Result<()> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    if !meta.is_dir() {
        return fs::remove_file(path);
    }
    remove_dir_on_dev(path, meta.dev())
}

fn remove_dir_on_dev(path: &Path, dev: u64) -> io::Result<()> {
    fs::set_permissions(path, fs::Permissions::from_mode(0o700))?;
    for entry in fs::read_dir(path)? {
        let entry = entry?;
        let child: PathBuf = entry.path();
        let meta = fs::symlink_metadata(&child)?;
        if meta.is_dir() {
            if meta.dev() != dev {
                return Err(io::Error::other(format!(
                    "refusing to remove '{}': it is a mount point",
                    child.display()
                )));
            }
            remove_dir_on_dev(&child, dev)?;
        } else {
            fs::remove_file(&child)?;
        }
    }
    fs::remove_dir(path)
}
