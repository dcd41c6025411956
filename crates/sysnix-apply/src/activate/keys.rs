//! Keys (`deployment.keys`): each key of the new system written to its path with its
//! owner and mode, and the keys sysnix placed earlier that the new system no longer
//! declares removed.
//!
//! Where the content comes from (the manifest says which, never what):
//! - `text`: the root-only copy `sysnix build` kept beside the store
//!   (`<prefix>/var/keys/<toplevel basename>/<attr>`, see `sysnix_build::keys`); with
//!   `--root` it is copied into the root's own `<prefix>/var/keys` too, for its boot;
//! - `keyFile`: the file, read now (on the machine running sysnix);
//! - `keyCommand`: the command, run now as root; its stdout is the key. A failing command
//!   is an error naming the key and the command, and the old key stays in place.
//!
//! A key is written to a new file beside its path (`O_EXCL|O_NOFOLLOW`, 0600), given its
//! owner and mode with fchown/fchmod, synced and renamed over the old one, so readers see
//! the old key or the new one, and nothing is written through a symlink. An unchanged key
//! (same content, owner and mode) is not rewritten. The key directory is made when
//! missing (root:keys 0750); /run/keys is always made root:keys 0750.
//!
//! The state file lists the keys placed (claimed before they are written), so only those
//! are ever removed. After a boot, `sysnix-keys.service` (nixos/modules/security/keys.nix)
//! places the keys again from the same sources.

use super::Ctx;
use crate::layout::Layout;
use crate::state::State;
use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};
use sysnix_build::keys::{KeyMeta, KeySource, copies_dir, write_private};

/// The directory every keys guide says services read: always root:keys 0750.
pub const RUN_KEYS: &str = "/run/keys";

/// The keys the new system declares (an error is reported and none are returned when the
/// manifest's list is malformed).
fn declared(ctx: &mut Ctx) -> Option<Vec<KeyMeta>> {
    match KeyMeta::from_manifest(ctx.manifest) {
        Ok(k) => Some(k),
        Err(e) => {
            ctx.report.error(e);
            None
        }
    }
}

/// What a switch would do with keys, for `dry-activate`: lines saying which keys would be
/// placed and which removed (never their content).
pub fn dry_run_lines(manifest: &sysnix_build::summary::Manifest, state: &State) -> Vec<String> {
    let keys = match KeyMeta::from_manifest(manifest) {
        Ok(k) => k,
        Err(e) => return vec![format!("cannot read the keys: {e}")],
    };
    let mut lines: Vec<String> = keys
        .iter()
        .map(|k| {
            format!(
                "would place key {} ({}, {}:{} {})",
                k.path,
                k.source.as_str(),
                k.user,
                k.group,
                k.permissions
            )
        })
        .collect();
    let wanted: BTreeSet<&str> = keys.iter().map(|k| k.path.as_str()).collect();
    for p in &state.keys {
        if !wanted.contains(p.as_str()) {
            lines.push(format!("would remove key {p}"));
        }
    }
    lines
}

/// Places the new system's keys and removes those it no longer has. `save` writes the
/// state file (the keys are claimed in it before they are written).
pub fn apply(ctx: &mut Ctx, save: &dyn Fn(&State) -> Result<(), String>) {
    let Some(keys) = declared(ctx) else { return };
    let wanted: BTreeSet<String> = keys.iter().map(|k| k.path.clone()).collect();
    let before = ctx.state.keys.clone();
    ctx.state.keys.extend(wanted.iter().cloned());
    if ctx.state.keys != before
        && let Err(e) = save(ctx.state)
    {
        ctx.report.error(e);
        return;
    }
    for k in &keys {
        match place(ctx, k) {
            Ok(true) => eprintln!("placed key {} ({})", k.path, k.source.as_str()),
            Ok(false) => {}
            Err(e) => ctx.report.error(format!("key {}: {e}", k.attr)),
        }
    }
    let gone: Vec<String> = ctx.state.keys.difference(&wanted).cloned().collect();
    for p in gone {
        let host = ctx.layout.host(&p);
        match host.symlink_metadata() {
            Ok(m) if m.is_dir() => ctx.report.warn(format!(
                "not removing the old key {p}: it is a directory now"
            )),
            Ok(_) => match std::fs::remove_file(&host) {
                Ok(()) => eprintln!("removed key {p}"),
                Err(e) => {
                    ctx.report.error(format!("removing the old key {p}: {e}"));
                    continue;
                }
            },
            Err(_) => {}
        }
        ctx.state.keys.remove(&p);
    }
    if ctx.state.keys != before
        && let Err(e) = save(ctx.state)
    {
        ctx.report.error(e);
    }
}

/// Places one key; false when it was already there as it should be.
fn place(ctx: &mut Ctx, k: &KeyMeta) -> Result<bool, String> {
    let mode = k.mode()?;
    let uid = id(ctx.layout, "passwd", &k.user)
        .ok_or_else(|| format!("its user {} does not exist", k.user))?;
    let gid = id(ctx.layout, "group", &k.group)
        .ok_or_else(|| format!("its group {} does not exist", k.group))?;
    let content = content(ctx, k)?;
    let dir = ctx.layout.host(&k.dest_dir);
    key_dir(ctx.layout, &k.dest_dir, &dir)?;
    let dest = dir.join(&k.name);
    super::ensure_file(&dest, &content, uid, gid, mode)
        .map_err(|e| format!("writing {}: {e}", dest.display()))
}

/// A user or group id by name (root is 0 even in a root without /etc/passwd).
fn id(layout: &Layout, db: &str, name: &str) -> Option<u32> {
    super::users::resolve_id(layout, db, name).or((name == "root").then_some(0))
}

/// The key's content, from its source.
fn content(ctx: &Ctx, k: &KeyMeta) -> Result<Vec<u8>, String> {
    match k.source {
        KeySource::Text => text_copy(ctx.layout, &ctx.toplevel, &k.attr),
        KeySource::KeyFile => {
            let f = k
                .key_file
                .as_deref()
                .ok_or("keyFile is missing from the manifest")?;
            std::fs::read(f).map_err(|e| format!("reading its keyFile {f}: {e}"))
        }
        KeySource::KeyCommand => {
            let argv = k
                .key_command
                .as_deref()
                .filter(|a| !a.is_empty())
                .ok_or("keyCommand is missing from the manifest")?;
            run_key_command(argv)
        }
    }
}

/// Runs a keyCommand; its stdout is the key.
fn run_key_command(argv: &[String]) -> Result<Vec<u8>, String> {
    let shown = argv.join(" ");
    let out = Command::new(&argv[0])
        .args(&argv[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("its keyCommand `{shown}` could not run: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!(
            "its keyCommand `{shown}` failed ({}){}; the old key (if any) is left in place",
            out.status,
            if err.trim().is_empty() {
                String::new()
            } else {
                format!(": {}", err.trim())
            }
        ));
    }
    Ok(out.stdout)
}

/// A text key's root-only copy. With `--root` the build kept it beside this machine's
/// store; it is copied into the root's too, so the root's boot finds it.
fn text_copy(layout: &Layout, toplevel: &str, attr: &str) -> Result<Vec<u8>, String> {
    let here = copies_dir(&layout.store_dir, toplevel);
    let in_root = layout.host(&here);
    let read = |dir: &Path| std::fs::read(dir.join(attr));
    match read(&here) {
        Ok(c) => {
            if layout.is_offline() && read(&in_root).ok().as_deref() != Some(&c[..]) {
                save_root_copy(&in_root, attr, &c)?;
            }
            Ok(c)
        }
        Err(_) if layout.is_offline() && read(&in_root).is_ok() => {
            read(&in_root).map_err(|e| e.to_string())
        }
        Err(e) => Err(format!(
            "its text is not on this machine ({}: {e}); the store does not hold key texts: build the configuration here (sysnix build, or sysnix switch -c FILE) to keep them",
            here.join(attr).display()
        )),
    }
}

fn save_root_copy(dir: &Path, attr: &str, content: &[u8]) -> Result<(), String> {
    use std::os::unix::fs::DirBuilderExt;
    for d in [dir.parent().unwrap_or(dir), dir] {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(d)
            .and_then(|_| std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o700)))
            .map_err(|e| format!("creating {}: {e}", d.display()))?;
    }
    write_private(dir, attr, content)
}

/// Makes the key directory (`dir` on this machine, `dest_dir` as the system sees it):
/// created root:keys 0750 when missing, /run/keys made so whatever it was; a symlink is
/// refused.
fn key_dir(layout: &Layout, dest_dir: &str, dir: &Path) -> Result<(), String> {
    let keys_gid = super::users::resolve_id(layout, "group", "keys");
    let made = match dir.symlink_metadata() {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(format!(
                "{} is a symbolic link; keys are not written through links",
                dir.display()
            ));
        }
        Ok(m) if !m.is_dir() => return Err(format!("{} is not a directory", dir.display())),
        Ok(_) => false,
        Err(_) => {
            std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
            true
        }
    };
    if made || Path::new(dest_dir) == Path::new(RUN_KEYS) {
        let gid = keys_gid.ok_or("the group keys does not exist")?;
        std::os::unix::fs::lchown(dir, Some(0), Some(gid))
            .and_then(|_| std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o750)))
            .map_err(|e| format!("making {} root:keys 0750: {e}", dir.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_command_names_itself() {
        let e = run_key_command(&["sh".into(), "-c".into(), "echo nope >&2; exit 3".into()])
            .unwrap_err();
        assert!(e.contains("`sh -c echo nope >&2; exit 3` failed"), "{e}");
        assert!(e.contains("nope") && e.contains("left in place"), "{e}");
        assert_eq!(
            run_key_command(&["printf".into(), "k\\n".into()]).unwrap(),
            b"k\n"
        );
    }

    #[test]
    fn keys_replace_atomically_with_owner_and_mode() {
        let d = std::env::temp_dir().join(format!("sysnix-apply-keys-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        // SAFETY: no preconditions.
        let (uid, gid) = unsafe { (libc::geteuid(), libc::getegid()) };
        super::super::ensure_file(&d.join("k"), b"one", uid, gid, 0o640).unwrap();
        // A link in the way is replaced, not written through.
        std::fs::remove_file(d.join("k")).unwrap();
        std::os::unix::fs::symlink(d.join("elsewhere"), d.join("k")).unwrap();
        super::super::ensure_file(&d.join("k"), b"two", uid, gid, 0o640).unwrap();
        assert!(!d.join("elsewhere").exists());
        let m = d.join("k").symlink_metadata().unwrap();
        assert!(m.is_file());
        assert_eq!(m.permissions().mode() & 0o7777, 0o640);
        assert_eq!(std::fs::read(d.join("k")).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(&d).unwrap().count(), 1);
        let _ = std::fs::remove_dir_all(&d);
    }
}
