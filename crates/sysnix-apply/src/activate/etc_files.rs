//! Files in /etc, the NixOS way: `/etc/sysnix/static` is a link to the toplevel's `etc/`,
//! and each managed file is a link through it (`/etc/X -> /etc/sysnix/static/X`), so one
//! rename of the static link switches every linked file at once. Files with a mode (the
//! manifest's copies) are written to a temporary file and renamed into place.
//!
//! Only files sysnix owns (the state file's `etc`) are ever replaced or removed. An
//! unmanaged file in the way is refused before anything changes, or moved aside to
//! `<name>.sysnix-backup` with `--backup-existing` (and put back when the file leaves the
//! configuration). Nothing is ever written through a symlink: links are replaced by
//! renaming a new link over them, and copies are created with `O_EXCL | O_NOFOLLOW`.
//!
//! One exception is taken over without asking: a link in a `*.wants/`, `*.requires/` or
//! `*.upholds/` dir naming a unit of the same name (Debian's enablement of a packaged
//! unit): replacing it changes nothing about what is wanted; the original link comes
//! back when the file leaves the configuration.

use super::{Ctx, tree_leaves};
use crate::layout::{Layout, STATIC_LINK};
use crate::profile::replace_symlink;
use crate::state::EtcKind;
use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// A file the new system wants under /etc.
#[derive(Clone, Debug, PartialEq)]
pub enum Want {
    /// A link through the static link.
    Link,
    /// A copy of `source` with a mode and owner.
    Copy {
        /// The source as the system sees it.
        source: String,
        /// The mode (octal).
        mode: u32,
        /// Owner: a name or `+<uid>`.
        user: String,
        /// Group: a name or `+<gid>`.
        group: String,
    },
}

/// What /etc should hold: files (relative to /etc) and the directories above them.
#[derive(Clone, Debug, Default)]
pub struct EtcPlan {
    /// Every managed file.
    pub wanted: BTreeMap<String, Want>,
    /// Every directory above a managed file.
    pub dirs: BTreeSet<String>,
}

/// Something in the way of a managed file.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The path relative to /etc.
    pub path: String,
    /// What is there.
    pub what: String,
}

/// What to do about an existing path.
enum Found {
    Absent,
    Ours,
    Adoptable(String),
    Conflict(String),
}

/// The /etc files of a toplevel (its `etc/` tree, copies from the manifest).
pub fn plan(ctx: &Ctx) -> Result<EtcPlan, String> {
    let tree = ctx.toplevel_host.join("etc");
    let mut p = EtcPlan::default();
    for leaf in tree_leaves(&tree) {
        if leaf == STATIC_LINK {
            continue;
        }
        p.wanted.insert(leaf, Want::Link);
    }
    for e in &ctx.manifest.etc {
        if e.mode == "symlink" {
            continue;
        }
        let mode = u32::from_str_radix(&e.mode, 8)
            .map_err(|_| format!("/etc/{}: mode '{}' is not octal", e.target, e.mode))?;
        p.wanted.insert(
            e.target.clone(),
            Want::Copy {
                source: e.source.clone(),
                mode,
                user: e.user.clone().unwrap_or_else(|| "+0".into()),
                group: e.group.clone().unwrap_or_else(|| "+0".into()),
            },
        );
    }
    for rel in p.wanted.keys() {
        let mut a = Path::new(rel).parent();
        while let Some(dir) = a.filter(|d| !d.as_os_str().is_empty()) {
            p.dirs.insert(dir.to_string_lossy().into_owned());
            a = dir.parent();
        }
    }
    p.dirs.insert("sysnix".into());
    Ok(p)
}

/// The link target every linked file has.
fn through_static(rel: &str) -> PathBuf {
    Layout::static_link_system_path().join(rel)
}

fn examine(ctx: &Ctx, rel: &str) -> Found {
    let path = ctx.layout.etc().join(rel);
    let Ok(meta) = std::fs::symlink_metadata(&path) else {
        return Found::Absent;
    };
    if ctx.state.etc.contains_key(rel) {
        return Found::Ours;
    }
    if meta.file_type().is_symlink() {
        let target = std::fs::read_link(&path).unwrap_or_default();
        if target == through_static(rel) {
            return Found::Ours;
        }
        let in_deps_dir = Path::new(rel)
            .parent()
            .and_then(|d| d.file_name())
            .and_then(|d| d.to_str())
            .is_some_and(|d| {
                d.ends_with(".wants") || d.ends_with(".requires") || d.ends_with(".upholds")
            });
        if in_deps_dir && target.file_name() == Path::new(rel).file_name() {
            return Found::Adoptable(target.to_string_lossy().into_owned());
        }
        return Found::Conflict(format!(
            "a symlink to {} that sysnix does not manage",
            target.display()
        ));
    }
    if meta.is_dir() {
        return Found::Conflict("a directory sysnix does not manage".into());
    }
    Found::Conflict("a file sysnix does not manage".into())
}

/// What stands in the way of the plan (changes nothing).
pub fn conflicts(ctx: &Ctx, p: &EtcPlan) -> Vec<Conflict> {
    let etc = ctx.layout.etc();
    let mut out = Vec::new();
    for dir in &p.dirs {
        if let Ok(meta) = std::fs::symlink_metadata(etc.join(dir))
            && !meta.is_dir()
            && !ctx.state.etc.contains_key(dir)
        {
            let what = if meta.file_type().is_symlink() {
                "a symlink where a directory is needed (sysnix does not write through links)"
            } else {
                "a file where a directory is needed"
            };
            out.push(Conflict {
                path: dir.clone(),
                what: what.into(),
            });
        }
    }
    for rel in p.wanted.keys() {
        if let Found::Conflict(what) = examine(ctx, rel) {
            out.push(Conflict {
                path: rel.clone(),
                what,
            });
        }
    }
    if let Ok(meta) = std::fs::symlink_metadata(etc.join(STATIC_LINK))
        && !meta.file_type().is_symlink()
    {
        out.push(Conflict {
            path: STATIC_LINK.into(),
            what: "not a symlink (sysnix's static link belongs here)".into(),
        });
    }
    out
}

/// The refusal message for conflicts.
pub fn refusal(conflicts: &[Conflict]) -> String {
    let mut msg = String::from(
        "refusing to switch: files sysnix does not manage are in the way (nothing was changed):",
    );
    for c in conflicts {
        msg.push_str(&format!("\n  /etc/{}: {}", c.path, c.what));
    }
    msg.push_str(
        "\nmove them away, remove them from the configuration, or pass --backup-existing to move them to <name>.sysnix-backup",
    );
    msg
}

fn backup_name(etc: &Path, rel: &str) -> String {
    let mut name = format!("{rel}.sysnix-backup");
    let mut n = 1;
    while std::fs::symlink_metadata(etc.join(&name)).is_ok() {
        name = format!("{rel}.sysnix-backup.{n}");
        n += 1;
    }
    name
}

/// Installs the plan: claims in the state file first, then directories, the static link,
/// links and copies, then removes what sysnix owned that the new system does not have.
pub fn apply(
    ctx: &mut Ctx,
    p: &EtcPlan,
    save: &dyn Fn(&crate::state::State) -> Result<(), String>,
) -> Result<(), String> {
    let etc = ctx.layout.etc();
    let conflicts = conflicts(ctx, p);
    if !conflicts.is_empty() && !ctx.backup_existing {
        return Err(refusal(&conflicts));
    }
    // Intent: claim everything first (old and new), record backups and adoptions.
    for rel in p.wanted.keys() {
        match examine(ctx, rel) {
            Found::Conflict(_) => {
                let backup = backup_name(&etc, rel);
                ctx.state.etc_backups.insert(rel.clone(), backup);
            }
            Found::Adoptable(target) => {
                ctx.state.etc_adopted.insert(rel.clone(), target);
            }
            Found::Absent | Found::Ours => {}
        }
    }
    for (rel, want) in &p.wanted {
        let kind = match want {
            Want::Link => EtcKind::Link,
            Want::Copy { .. } => EtcKind::Copy,
        };
        ctx.state.etc.insert(rel.clone(), kind);
    }
    for dir in &p.dirs {
        if std::fs::symlink_metadata(etc.join(dir)).is_err() {
            ctx.state.etc_dirs.insert(dir.clone());
        }
    }
    save(ctx.state)?;

    // A recorded backup whose file is not there yet has not been made (also after an
    // interrupted switch): what is at the path is still the unmanaged file.
    for (rel, backup) in &ctx.state.etc_backups {
        if std::fs::symlink_metadata(etc.join(backup)).is_err()
            && std::fs::symlink_metadata(etc.join(rel)).is_ok()
        {
            std::fs::rename(etc.join(rel), etc.join(backup))
                .map_err(|e| format!("moving /etc/{rel} aside: {e}"))?;
            eprintln!("moved /etc/{rel} to /etc/{backup}");
        }
    }
    // An old file where a directory is now needed goes first.
    for dir in &p.dirs {
        if ctx.state.etc.contains_key(dir) && !p.wanted.contains_key(dir) {
            remove_owned(ctx, dir)?;
        }
    }
    for dir in &p.dirs {
        let path = etc.join(dir);
        match std::fs::DirBuilder::new().create(&path) {
            Ok(()) => {
                let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(format!("creating /etc/{dir}: {e}")),
        }
    }
    super::pause_point("etc-before-flip");
    ensure_link(
        &etc.join(STATIC_LINK),
        &Path::new(&ctx.toplevel).join("etc"),
    )?;
    super::pause_point("etc-after-flip");
    for (rel, want) in &p.wanted {
        match want {
            Want::Link => ensure_link(&etc.join(rel), &through_static(rel))?,
            Want::Copy {
                source,
                mode,
                user,
                group,
            } => {
                let uid = super::users::resolve_id(ctx.layout, "passwd", user)
                    .ok_or_else(|| format!("/etc/{rel}: unknown user '{user}'"))?;
                let gid = super::users::resolve_id(ctx.layout, "group", group)
                    .ok_or_else(|| format!("/etc/{rel}: unknown group '{group}'"))?;
                let src = ctx.layout.host(source);
                let src = if src.exists() {
                    src
                } else {
                    PathBuf::from(source)
                };
                ensure_copy(&etc.join(rel), &src, *mode, uid, gid)
                    .map_err(|e| format!("writing /etc/{rel}: {e}"))?;
            }
        }
    }
    // What the new system no longer has.
    let obsolete: Vec<String> = ctx
        .state
        .etc
        .keys()
        .filter(|r| !p.wanted.contains_key(*r))
        .cloned()
        .collect();
    for rel in obsolete {
        remove_owned(ctx, &rel)?;
    }
    let mut dirs: Vec<String> = ctx
        .state
        .etc_dirs
        .iter()
        .filter(|d| !p.dirs.contains(*d))
        .cloned()
        .collect();
    dirs.sort_by_key(|d| std::cmp::Reverse(d.matches('/').count()));
    for d in dirs {
        match std::fs::remove_dir(etc.join(&d)) {
            Ok(()) => {
                ctx.state.etc_dirs.remove(&d);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                ctx.state.etc_dirs.remove(&d);
            }
            // Not empty: someone else put files there; it stays, and so does the claim.
            Err(_) => {}
        }
    }
    save(ctx.state)
}

/// Removes a file sysnix owns (when it still is what sysnix made) and puts back what it
/// replaced; drops the claim.
fn remove_owned(ctx: &mut Ctx, rel: &str) -> Result<(), String> {
    let etc = ctx.layout.etc();
    let path = etc.join(rel);
    let kind = ctx.state.etc.get(rel).copied();
    if let Ok(meta) = std::fs::symlink_metadata(&path) {
        let ours = match kind {
            Some(EtcKind::Link) => {
                meta.file_type().is_symlink()
                    && std::fs::read_link(&path).ok().as_deref() == Some(&through_static(rel))
            }
            Some(EtcKind::Copy) => meta.is_file(),
            None => false,
        };
        if ours {
            std::fs::remove_file(&path).map_err(|e| format!("removing /etc/{rel}: {e}"))?;
        } else {
            eprintln!("warning: /etc/{rel} was changed by hand; leaving it");
        }
    }
    if let Some(backup) = ctx.state.etc_backups.remove(rel)
        && std::fs::symlink_metadata(&path).is_err()
    {
        let _ = std::fs::rename(etc.join(&backup), &path);
        eprintln!("restored /etc/{rel} from /etc/{backup}");
    }
    if let Some(target) = ctx.state.etc_adopted.remove(rel)
        && std::fs::symlink_metadata(&path).is_err()
    {
        replace_symlink(Path::new(&target), &path)?;
    }
    ctx.state.etc.remove(rel);
    Ok(())
}

/// Makes `path` a link to `target` unless it already is (a new link renamed over it).
fn ensure_link(path: &Path, target: &Path) -> Result<(), String> {
    if std::fs::read_link(path).ok().as_deref() == Some(target) {
        return Ok(());
    }
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(format!("{} is a directory; cannot link it", path.display()));
    }
    replace_symlink(target, path)
}

/// Makes `path` a regular file with `src`'s content, `mode` and owner, unless it already
/// is (see [`super::ensure_file`]).
fn ensure_copy(path: &Path, src: &Path, mode: u32, uid: u32, gid: u32) -> std::io::Result<()> {
    let content = std::fs::read(src)?;
    super::ensure_file(path, &content, uid, gid, mode).map(|_| ())
}
