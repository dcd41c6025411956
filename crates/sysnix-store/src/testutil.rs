//! Helpers for this crate's unit tests: throw-away directories and the
//! sample file tree whose NAR hashes were taken from Nix 2.8.

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A directory under the system's temporary directory, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    /// Creates a fresh, empty directory.
    pub fn new() -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("sysnix-store-test-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// Where the directory is.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Builds, under `parent`, the tree `root` that the oracle hashes were
/// taken from:
///
/// ```sh
/// mkdir -p root/sub root/emptydir; cd root
/// printf 'hello\n' > a.txt; printf '#!/bin/sh\necho hi\n' > exec.sh
/// chmod 755 exec.sh; : > sub/z; ln -s ../a.txt sub/link; printf 'upper' > B
/// ```
pub fn sample_tree(parent: &Path) -> PathBuf {
    let root = parent.join("root");
    fs::create_dir_all(root.join("sub")).unwrap();
    fs::create_dir_all(root.join("emptydir")).unwrap();
    fs::write(root.join("a.txt"), "hello\n").unwrap();
    let exec = root.join("exec.sh");
    fs::write(&exec, "#!/bin/sh\necho hi\n").unwrap();
    fs::set_permissions(&exec, fs::Permissions::from_mode(0o755)).unwrap();
    fs::write(root.join("sub/z"), "").unwrap();
    symlink("../a.txt", root.join("sub/link")).unwrap();
    fs::write(root.join("B"), "upper").unwrap();
    // A group/other execute bit alone does not make a file executable.
    fs::set_permissions(root.join("B"), fs::Permissions::from_mode(0o611)).unwrap();
    root
}
