//! Where switching keeps its things: profiles (generations), the state file and the lock,
//! all derived from the store dir so a test with `--store DIR` is isolated from the machine.
//!
//! ```text
//! <prefix>/store                 the store (/sysnix/store)
//! <prefix>/var/profiles/system   -> system-N-link (the default generation)
//! <prefix>/var/profiles/system-N-link -> <store>/…-sysnix-system (GC roots)
//! <prefix>/var/state/state.json  what sysnix owns (files in /etc, users, packages, units)
//! <prefix>/var/state/switch.lock held while a switch runs
//! <prefix>/var/keys/<system>/    text keys, root-only (sysnix_build::keys)
//! /etc/sysnix/static             -> <toplevel>/etc (flipped with one rename)
//! ```
//!
//! `<prefix>` is the store dir's parent (`/sysnix` for `/sysnix/store`). With `--root DIR`
//! every path above lives under DIR (the store too: activation copies the system's closure
//! there, so the root is complete).

use std::path::{Path, PathBuf};

/// The link that makes the whole /etc tree switch at once: every managed file in /etc is a
/// link through it (`/etc/X -> /etc/sysnix/static/X`), and it points at the toplevel's
/// `etc/`.
pub const STATIC_LINK: &str = "sysnix/static";

/// Paths of one machine (or of a root file system with `--root`).
#[derive(Clone, Debug)]
pub struct Layout {
    /// `/`, or the `--root` directory.
    pub root: PathBuf,
    /// The store dir as the activated system sees it (e.g. `/sysnix/store`).
    pub store_dir: PathBuf,
}

impl Layout {
    /// The layout for a store dir, activating into `root` (`/` for the running machine).
    pub fn new(root: &Path, store_dir: &Path) -> Layout {
        Layout {
            root: root.to_path_buf(),
            store_dir: store_dir.to_path_buf(),
        }
    }

    /// Whether this activates a root file system rather than the running machine.
    pub fn is_offline(&self) -> bool {
        self.root != Path::new("/")
    }

    /// `path` (absolute, as the activated system sees it) on this machine's file system.
    pub fn host(&self, path: impl AsRef<Path>) -> PathBuf {
        let path = path.as_ref();
        match path.strip_prefix("/") {
            Ok(rel) if self.is_offline() => self.root.join(rel),
            _ => path.to_path_buf(),
        }
    }

    /// `<prefix>/var` as the system sees it: the store dir's sibling `var`.
    pub fn var_dir(&self) -> PathBuf {
        self.store_dir
            .parent()
            .unwrap_or(Path::new("/"))
            .join("var")
    }

    /// The profiles dir (system sees it).
    pub fn profiles_dir(&self) -> PathBuf {
        self.var_dir().join("profiles")
    }

    /// The state dir (system sees it).
    pub fn state_dir(&self) -> PathBuf {
        self.var_dir().join("state")
    }

    /// The state file on this machine.
    pub fn state_file(&self) -> PathBuf {
        self.host(self.state_dir().join("state.json"))
    }

    /// The lock file on this machine.
    pub fn lock_file(&self) -> PathBuf {
        self.host(self.state_dir().join("switch.lock"))
    }

    /// `/etc` on this machine.
    pub fn etc(&self) -> PathBuf {
        self.host("/etc")
    }

    /// The static link's target as written into the per-file links (system view).
    pub fn static_link_system_path() -> PathBuf {
        Path::new("/etc").join(STATIC_LINK)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_store_and_the_root() {
        let l = Layout::new(Path::new("/"), Path::new("/sysnix/store"));
        assert_eq!(l.profiles_dir(), Path::new("/sysnix/var/profiles"));
        assert_eq!(l.state_file(), Path::new("/sysnix/var/state/state.json"));
        let r = Layout::new(Path::new("/mnt"), Path::new("/tmp/s/store"));
        assert_eq!(r.state_file(), Path::new("/mnt/tmp/s/var/state/state.json"));
        assert_eq!(r.etc(), Path::new("/mnt/etc"));
        assert!(r.is_offline() && !l.is_offline());
    }
}
