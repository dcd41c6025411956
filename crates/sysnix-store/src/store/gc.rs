//! Garbage collection: deleting every store path that no root needs.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::fsops::{remove_tree, tree_size};
use super::{LocalStore, basename};

/// What a garbage collection did (or, for a dry run, would do).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GcReport {
    /// The store paths deleted, referrers before what they refer to.
    pub deleted: Vec<String>,
    /// The bytes those paths took (sizes of their files and symlinks).
    pub freed_bytes: u64,
    /// How many valid paths were kept.
    pub kept: usize,
}

impl LocalStore {
    /// The store paths the GC roots protect directly: targets of the
    /// symlinks under `gcroots/` (followed one more level when a root points
    /// to a symlink outside the store), and for each indirect root in
    /// `gcroots/auto/` whose link still exists, the store path it points
    /// to. With `prune`, indirect roots whose link is gone are forgotten.
    pub fn roots(&self, prune: bool) -> io::Result<BTreeSet<String>> {
        let mut roots = BTreeSet::new();
        let dir = self.state.join("gcroots");
        self.find_roots(&dir, &mut roots)?;
        for entry in fs::read_dir(dir.join("auto"))? {
            let entry = entry?;
            let Ok(link) = fs::read_link(entry.path()) else {
                continue;
            };
            match fs::symlink_metadata(&link) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    if let Some(p) = self.store_path_of_link(&link) {
                        roots.insert(p);
                    }
                }
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    if prune {
                        let _ = fs::remove_file(entry.path());
                    }
                }
                Err(e) => return Err(e),
            }
        }
        Ok(roots)
    }

    fn find_roots(&self, dir: &Path, roots: &mut BTreeSet<String>) -> io::Result<()> {
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let path = entry.path();
            let ft = entry.file_type()?;
            if ft.is_dir() {
                if entry.file_name() != "auto" || dir != self.state.join("gcroots") {
                    self.find_roots(&path, roots)?;
                }
            } else if ft.is_symlink() {
                if let Some(p) = self.store_path_of_link(&path) {
                    roots.insert(p);
                } else if let Ok(target) = fs::read_link(&path)
                    && let Some(p) = self.store_path_of_link(&target)
                {
                    roots.insert(p);
                }
            }
        }
        Ok(())
    }

    /// The store path a symlink points into, if it does.
    fn store_path_of_link(&self, link: &Path) -> Option<String> {
        let target = fs::read_link(link).ok()?;
        let target = if target.is_absolute() {
            target
        } else {
            link.parent().unwrap_or(Path::new("/")).join(target)
        };
        let target = target.to_str()?;
        let p = self.dir.to_store_path(target).ok()?;
        Some(p.to_string())
    }

    /// Every path in the store directory (everything but the state
    /// directory and other dot-files), sorted: the valid paths.
    pub fn valid_paths(&self) -> io::Result<Vec<String>> {
        let mut paths = Vec::new();
        for entry in fs::read_dir(&self.root)? {
            let name = entry?.file_name();
            let Some(name) = name.to_str() else { continue };
            if name.starts_with('.') {
                continue;
            }
            paths.push(format!("{}/{name}", self.dir.as_str()));
        }
        paths.sort();
        Ok(paths)
    }

    /// Deletes every store path outside the closure of the roots (see
    /// [`LocalStore::roots`]). Takes the store lock exclusively, so it
    /// waits for running builds and additions (which hold it shared) and
    /// they wait for it. Paths are deleted referrers first, each by renaming
    /// it into `.sysnix/tmp` (so it stops being valid at once) and then
    /// removing it. Leftovers in `.sysnix/tmp` from interrupted work are
    /// removed too (but not kept failed build directories, `failed-*`).
    ///
    /// With `dry_run`, only reports what would be deleted.
    pub fn gc(&self, dry_run: bool) -> io::Result<GcReport> {
        let _lock = self.lock_exclusive()?;
        let roots = self.roots(!dry_run)?;
        let live = self.closure(roots.iter().map(String::as_str));
        let all = self.valid_paths()?;
        let dead: BTreeSet<&String> = all.iter().filter(|p| !live.contains(*p)).collect();
        let order = referrers_first(&dead, |p| self.references(p));
        let mut report = GcReport {
            kept: all.len() - dead.len(),
            ..GcReport::default()
        };
        for path in order {
            report.freed_bytes += tree_size(Path::new(&path));
            if !dry_run {
                self.delete_path(&path)?;
            }
            report.deleted.push(path);
        }
        if !dry_run {
            self.clean_state(&all)?;
        }
        Ok(report)
    }

    /// Deletes one store path: out of the store by a rename first, then its
    /// references record, then the files.
    fn delete_path(&self, path: &str) -> io::Result<()> {
        let p = Path::new(path);
        let meta = fs::symlink_metadata(p)?;
        if meta.is_dir() {
            // A directory can only be moved to another parent when writable.
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(p, fs::Permissions::from_mode(0o755))?;
        }
        let trash = self.tmp_dir().join(format!("gc-{}", basename(path)));
        remove_tree(&trash)?;
        fs::rename(p, &trash)?;
        let _ = fs::remove_file(self.refs_file(path));
        remove_tree(&trash)
    }

    /// Removes references records of paths that are not in the store, and
    /// leftovers in `tmp/`. Only called under the exclusive lock.
    fn clean_state(&self, before: &[String]) -> io::Result<()> {
        let present: BTreeSet<&str> = before.iter().map(|p| basename(p)).collect();
        for entry in fs::read_dir(self.state.join("refs"))? {
            let entry = entry?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || !present.contains(name.as_ref()) {
                let _ = fs::remove_file(entry.path());
            }
        }
        for entry in fs::read_dir(self.tmp_dir())? {
            let entry = entry?;
            if entry.file_name().to_string_lossy().starts_with("failed-") {
                continue;
            }
            let path: PathBuf = entry.path();
            // A leftover that cannot be removed (say, a busy mount point)
            // does not stop the collection.
            let _ = remove_tree(&path);
        }
        Ok(())
    }
}

/// Orders `paths` so that every path comes before the paths (in the set)
/// it refers to: a crash in the middle of deleting them never leaves a
/// valid path whose references are gone.
fn referrers_first(
    paths: &BTreeSet<&String>,
    refs_of: impl Fn(&str) -> BTreeSet<String>,
) -> Vec<String> {
    let refs: BTreeMap<&str, BTreeSet<String>> =
        paths.iter().map(|p| (p.as_str(), refs_of(p))).collect();
    // Depth-first post-order puts references before referrers; reversed,
    // referrers come first.
    let mut post = Vec::new();
    let mut visited = BTreeSet::new();
    for start in refs.keys() {
        let mut stack = vec![(*start, false)];
        while let Some((p, expanded)) = stack.pop() {
            if expanded {
                post.push(p.to_string());
                continue;
            }
            if !visited.insert(p) {
                continue;
            }
            stack.push((p, true));
            if let Some(rs) = refs.get(p) {
                for r in rs {
                    if let Some((k, _)) = refs.get_key_value(r.as_str())
                        && !visited.contains(k)
                    {
                        stack.push((k, false));
                    }
                }
            }
        }
    }
    post.reverse();
    post
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referrers_come_first() {
        let a = "a".to_string();
        let b = "b".to_string();
        let c = "c".to_string();
        let set: BTreeSet<&String> = [&a, &b, &c].into_iter().collect();
        // c -> b -> a
        let order = referrers_first(&set, |p| match p {
            "c" => BTreeSet::from(["b".to_string()]),
            "b" => BTreeSet::from(["a".to_string(), "zzz-outside".to_string()]),
            _ => BTreeSet::new(),
        });
        assert_eq!(order, ["c", "b", "a"]);
    }
}
