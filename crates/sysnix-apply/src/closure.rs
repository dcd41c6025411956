//! Copying a system's closure into a root file system's store (`--root DIR`), as
//! nixos-install copies into /mnt: the links activation writes name store paths, so the
//! root must hold them at the same path to be complete (and for `systemctl --root` and
//! `systemd-sysusers --root`, which resolve links inside the root, to follow them).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use sysnix_store::store::LocalStore;

/// Copies the closure of `toplevel` from `from` into `to` (a store opened at the root's
/// copy of the store dir). Each path enters as the store adds paths: copied complete to
/// the store's temp dir, its references recorded, then renamed into place; references
/// come before their referrers. Paths already there are skipped. Returns how many were
/// copied.
pub fn copy_closure(from: &LocalStore, to: &LocalStore, toplevel: &str) -> Result<usize, String> {
    let closure = from.closure([toplevel]);
    let mut done = BTreeSet::new();
    let mut copied = 0;
    for p in &closure {
        copy_with_refs(from, to, p, &mut done, &mut copied)?;
    }
    Ok(copied)
}

fn copy_with_refs(
    from: &LocalStore,
    to: &LocalStore,
    path: &str,
    done: &mut BTreeSet<String>,
    copied: &mut usize,
) -> Result<(), String> {
    if !done.insert(path.to_string()) {
        return Ok(());
    }
    for r in from.references(path) {
        if r != path {
            copy_with_refs(from, to, &r, done, copied)?;
        }
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    let dest = to.root().join(name);
    if std::fs::symlink_metadata(&dest).is_ok() {
        return Ok(());
    }
    let tmp = to
        .state_dir()
        .join("tmp")
        .join(format!("copy-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let _ = std::fs::remove_file(&tmp);
    let status = Command::new("cp")
        .arg("-a")
        .arg("--no-target-directory")
        .arg(path)
        .arg(&tmp)
        .status()
        .map_err(|e| format!("running cp: {e}"))?;
    if !status.success() {
        return Err(format!("copying {path} into {}", to.root().display()));
    }
    let refs_name = Path::new("refs").join(name);
    let refs = from.state_dir().join(&refs_name);
    if refs.exists() {
        std::fs::copy(&refs, to.state_dir().join(&refs_name))
            .map_err(|e| format!("copying the references of {path}: {e}"))?;
    }
    std::fs::rename(&tmp, &dest).map_err(|e| format!("adding {}: {e}", dest.display()))?;
    *copied += 1;
    Ok(())
}
