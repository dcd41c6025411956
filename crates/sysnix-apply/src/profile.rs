//! Generations, as Nix profiles: `system-N-link` → a toplevel, and `system` →
//! `system-N-link` (the default, what the machine boots into and `rollback` starts from).
//! A generation is never rewritten: a new toplevel gets the next number, and the default
//! flips with one rename. Each `system-N-link` is a GC root (an indirect root registered
//! with the store), so every generation stays in the store until its link is deleted.

use crate::layout::Layout;
use serde::Serialize;
use std::path::{Path, PathBuf};
use sysnix_store::store::LocalStore;

/// One generation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Generation {
    /// Its number (1, 2, …).
    pub number: u64,
    /// The toplevel store path.
    pub path: String,
    /// When it was made (seconds since the epoch: the link's mtime).
    pub date: i64,
    /// Whether it is the default (`system` points to it).
    pub current: bool,
}

fn link_name(n: u64) -> String {
    format!("system-{n}-link")
}

fn parse_link_name(name: &str) -> Option<u64> {
    name.strip_prefix("system-")?
        .strip_suffix("-link")?
        .parse()
        .ok()
}

/// The generations of a machine, oldest first.
pub fn list(layout: &Layout) -> Result<Vec<Generation>, String> {
    let dir = layout.host(layout.profiles_dir());
    let current = current_number(layout);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("reading {}: {e}", dir.display())),
    };
    let mut gens = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(number) = name.to_str().and_then(parse_link_name) else {
            continue;
        };
        let link = entry.path();
        let Ok(target) = std::fs::read_link(&link) else {
            continue;
        };
        let date = std::fs::symlink_metadata(&link)
            .map(|m| std::os::unix::fs::MetadataExt::mtime(&m))
            .unwrap_or(0);
        gens.push(Generation {
            number,
            path: target.to_string_lossy().into_owned(),
            date,
            current: current == Some(number),
        });
    }
    gens.sort_by_key(|g| g.number);
    Ok(gens)
}

/// The default generation's number.
pub fn current_number(layout: &Layout) -> Option<u64> {
    let link = layout.host(layout.profiles_dir().join("system"));
    let target = std::fs::read_link(link).ok()?;
    parse_link_name(target.file_name()?.to_str()?)
}

/// The default generation.
pub fn current(layout: &Layout) -> Result<Option<Generation>, String> {
    Ok(list(layout)?.into_iter().find(|g| g.current))
}

/// Generation `n`, or an error naming the ones there are.
pub fn get(layout: &Layout, n: u64) -> Result<Generation, String> {
    let gens = list(layout)?;
    if let Some(g) = gens.iter().find(|g| g.number == n) {
        return Ok(g.clone());
    }
    let have: Vec<String> = gens.iter().map(|g| g.number.to_string()).collect();
    Err(if have.is_empty() {
        format!("generation {n} does not exist: there are no generations yet")
    } else {
        format!(
            "generation {n} does not exist; there are {} (sysnix list-generations)",
            have.join(", ")
        )
    })
}

/// The generation before the default one (what `rollback` switches to).
pub fn previous(layout: &Layout) -> Result<Generation, String> {
    let gens = list(layout)?;
    let cur = current_number(layout).ok_or("there is no current generation to roll back from")?;
    gens.into_iter()
        .rev()
        .find(|g| g.number < cur)
        .ok_or_else(|| format!("generation {cur} is the oldest: there is nothing to roll back to"))
}

/// Makes `toplevel` the default generation: the current one when it already is that
/// toplevel, else a new generation numbered after the highest. Returns its number.
pub fn add(layout: &Layout, store: &LocalStore, toplevel: &str) -> Result<u64, String> {
    let gens = list(layout)?;
    if let Some(g) = gens.iter().find(|g| g.current)
        && g.path == toplevel
    {
        return Ok(g.number);
    }
    let n = gens.last().map_or(1, |g| g.number + 1);
    let dir = layout.host(layout.profiles_dir());
    std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let link = dir.join(link_name(n));
    if layout.is_offline() {
        // The store is the root's copy: the link names the path as the booted system sees
        // it, and the root's store keeps a direct root for it.
        replace_symlink(Path::new(toplevel), &link)?;
        let host_path = layout.host(toplevel);
        store
            .add_root(
                format!("profiles/{}", link_name(n)),
                &host_path.to_string_lossy(),
            )
            .map_err(|e| format!("registering generation {n} as a GC root: {e}"))?;
    } else {
        store
            .add_root(&link, toplevel)
            .map_err(|e| format!("registering generation {n} as a GC root: {e}"))?;
    }
    set_current(layout, n)?;
    Ok(n)
}

/// Makes generation `n` the default (one rename of the `system` link).
pub fn set_current(layout: &Layout, n: u64) -> Result<(), String> {
    let dir = layout.host(layout.profiles_dir());
    replace_symlink(Path::new(&link_name(n)), &dir.join("system"))
}

/// Makes `link` a symlink to `target`, replacing what is there with one rename (never
/// writing through an existing link).
pub fn replace_symlink(target: &Path, link: &Path) -> Result<(), String> {
    let dir = link.parent().unwrap_or(Path::new("/"));
    let name = link
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let tmp: PathBuf = dir.join(format!(".{name}.sysnix-tmp-{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    std::os::unix::fs::symlink(target, &tmp)
        .and_then(|()| std::fs::rename(&tmp, link))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            format!("linking {} to {}: {e}", link.display(), target.display())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_names() {
        assert_eq!(parse_link_name("system-12-link"), Some(12));
        assert_eq!(parse_link_name("system"), None);
        assert_eq!(parse_link_name("system-x-link"), None);
        assert_eq!(link_name(3), "system-3-link");
    }
}
