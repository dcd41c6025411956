//! Names for the host resources a machine owns, and removing directory trees safely.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::error::{Error, Result};

/// Every host resource the harness creates (network namespace, cgroup, state directory,
/// nspawn machine name) is named `sysnix-test-<name>-<pid>-<n>`: unique across
/// concurrent test processes, and the pid tells a later run whether its owner is gone
/// (see [`crate::cleanup_stale`]).
pub(crate) const PREFIX: &str = "sysnix-test-";

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// Checks a user-chosen name: lowercase letters, digits and `-`, 1 to 20 characters
/// (it becomes part of a hostname, a network namespace and a cgroup name).
pub(crate) fn check_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 20
        && !name.starts_with('-')
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(Error::Setup(format!(
            "invalid name {name:?}: use 1-20 lowercase letters, digits and '-'"
        )))
    }
}

/// A fresh unique resource id for `name`.
pub(crate) fn unique_id(name: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{PREFIX}{name}-{}-{n}", std::process::id())
}

/// The pid of the process that created the resource `id`, if `id` is one of ours.
pub(crate) fn owner_pid(id: &str) -> Option<u32> {
    let rest = id.strip_prefix(PREFIX)?;
    let mut parts = rest.rsplitn(3, '-');
    let _n: u32 = parts.next()?.parse().ok()?;
    parts.next()?.parse().ok()
}

/// Whether process `pid` exists.
pub(crate) fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

/// Mount points at or below `dir`, deepest first.
pub(crate) fn mounts_below(dir: &Path) -> Vec<PathBuf> {
    let Ok(info) = fs::read_to_string("/proc/self/mountinfo") else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = info
        .lines()
        .filter_map(|line| line.split(' ').nth(4))
        .map(|field| PathBuf::from(unescape_mountinfo(field)))
        .filter(|p| p.starts_with(dir))
        .collect();
    found.sort_by_key(|p| std::cmp::Reverse(p.components().count()));
    found
}

fn unescape_mountinfo(field: &str) -> String {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\'
            && i + 3 < bytes.len()
            && let Ok(v) = u8::from_str_radix(&field[i + 1..i + 4], 8)
        {
            out.push(v);
            i += 4;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Removes the directory tree `dir`, first detaching anything mounted inside it (a killed
/// mmdebstrap can leave /proc or /dev bind mounts in its target), and refusing to delete
/// anything while a mount remains: deleting through a bind mount of /dev would delete the
/// host's device nodes.
pub(crate) fn remove_tree_safely(dir: &Path) -> Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    for mount in mounts_below(dir) {
        let c = std::ffi::CString::new(mount.as_os_str().as_encoded_bytes())
            .map_err(|_| Error::Setup(format!("mount point {} has a NUL", mount.display())))?;
        // SAFETY: umount2 with a valid C string.
        unsafe { libc::umount2(c.as_ptr(), libc::MNT_DETACH) };
    }
    let left = mounts_below(dir);
    if !left.is_empty() {
        return Err(Error::Setup(format!(
            "not removing {}: still mounted below it: {left:?}",
            dir.display()
        )));
    }
    fs::remove_dir_all(dir).map_err(|e| Error::io(format!("removing {}", dir.display()), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_carry_their_owner() {
        let id = unique_id("web-1");
        assert!(id.starts_with("sysnix-test-web-1-"));
        assert_eq!(owner_pid(&id), Some(std::process::id()));
        assert_eq!(owner_pid("sysnix-test-x"), None);
        assert_eq!(owner_pid("other-web-1-2-3"), None);
    }

    #[test]
    fn names_are_checked() {
        assert!(check_name("server").is_ok());
        assert!(check_name("node-2").is_ok());
        for bad in ["", "Server", "a_b", "-x", "a/b", "abcdefghijklmnopqrstu"] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn mountinfo_escapes() {
        assert_eq!(unescape_mountinfo("/a\\040b"), "/a b");
        assert_eq!(unescape_mountinfo("/plain"), "/plain");
    }
}
