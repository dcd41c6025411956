//! One cgroup per machine, in every cgroup hierarchy systemd-nspawn looks at.
//!
//! Without a host systemd, nspawn runs with `--keep-unit` in the cgroup it was started
//! in; two containers started from the same cgroup would share it (and the second's
//! systemd would see the first's processes). So each machine's nspawn is moved into its
//! own cgroup before it execs: on a hybrid host the `name=systemd` v1 hierarchy and the
//! v2 one at `unified/`, on a pure v2 host the one v2 hierarchy.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

const ROOT: &str = "/sys/fs/cgroup";

/// The hierarchies a machine's cgroup is made in.
pub(crate) fn hierarchies() -> Vec<PathBuf> {
    let root = Path::new(ROOT);
    if root.join("cgroup.controllers").exists() {
        return vec![root.to_path_buf()];
    }
    ["systemd", "unified"]
        .iter()
        .map(|h| root.join(h))
        .filter(|p| p.join("cgroup.procs").exists())
        .collect()
}

/// A cgroup directory in each hierarchy, all with one name.
#[derive(Debug)]
pub(crate) struct Cgroup {
    dirs: Vec<PathBuf>,
}

impl Cgroup {
    /// Creates `name` (a single path component) in every hierarchy.
    pub(crate) fn create(name: &str) -> Result<Cgroup> {
        let hierarchies = hierarchies();
        if hierarchies.is_empty() {
            return Err(Error::Setup(format!(
                "no cgroup hierarchy found under {ROOT} (neither cgroup v2 nor name=systemd)"
            )));
        }
        let mut cgroup = Cgroup { dirs: Vec::new() };
        for hierarchy in hierarchies {
            let dir = hierarchy.join(name);
            fs::create_dir(&dir)
                .map_err(|e| Error::io(format!("creating cgroup {}", dir.display()), e))?;
            cgroup.dirs.push(dir);
        }
        Ok(cgroup)
    }

    /// An existing cgroup (for removing what a killed test left behind).
    pub(crate) fn existing(name: &str) -> Cgroup {
        Cgroup {
            dirs: hierarchies()
                .into_iter()
                .map(|h| h.join(name))
                .filter(|d| d.is_dir())
                .collect(),
        }
    }

    /// The `cgroup.procs` files a process writes `0` to in order to join.
    pub(crate) fn procs_files(&self) -> Vec<PathBuf> {
        self.dirs.iter().map(|d| d.join("cgroup.procs")).collect()
    }

    /// Every process in the cgroup or below it, in any hierarchy.
    pub(crate) fn pids(&self) -> Vec<u32> {
        let mut pids = Vec::new();
        for dir in &self.dirs {
            collect_pids(dir, &mut pids);
        }
        pids.sort_unstable();
        pids.dedup();
        pids
    }

    /// Kills every process in the cgroup (SIGKILL) and waits until none is left.
    pub(crate) fn kill_all(&self, timeout: Duration) -> Result<()> {
        let deadline = Instant::now() + timeout;
        loop {
            let pids = self.pids();
            if pids.is_empty() {
                return Ok(());
            }
            for dir in &self.dirs {
                let kill = dir.join("cgroup.kill");
                if kill.exists() {
                    let _ = fs::write(&kill, "1");
                }
            }
            for pid in pids.iter().copied() {
                // SAFETY: kill(2) of a pid found in our own cgroup.
                unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
            }
            if Instant::now() >= deadline {
                return Err(Error::Setup(format!(
                    "processes {pids:?} in cgroup {} survived SIGKILL",
                    self.dirs[0].display()
                )));
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Removes the cgroup directories (children first). Fails if a process is still in
    /// one of them.
    pub(crate) fn remove(&self) -> Result<()> {
        for dir in &self.dirs {
            // The last process may take a moment to leave after it was reaped.
            let deadline = Instant::now() + Duration::from_secs(5);
            loop {
                match remove_tree(dir) {
                    Ok(()) => break,
                    Err(e)
                        if e.raw_os_error() == Some(libc::EBUSY) && Instant::now() < deadline =>
                    {
                        thread::sleep(Duration::from_millis(10));
                    }
                    Err(e) => {
                        return Err(Error::io(format!("removing cgroup {}", dir.display()), e));
                    }
                }
            }
        }
        Ok(())
    }
}

impl Cgroup {
    /// Removes the sub-cgroups a stopped container's systemd left (before booting it
    /// again in the same cgroup).
    pub(crate) fn remove_children(&self) -> Result<()> {
        for dir in &self.dirs {
            let Ok(entries) = fs::read_dir(dir) else {
                continue;
            };
            for entry in entries.flatten() {
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    remove_tree(&entry.path()).map_err(|e| {
                        Error::io(format!("removing cgroup {}", entry.path().display()), e)
                    })?;
                }
            }
        }
        Ok(())
    }
}

fn collect_pids(dir: &Path, pids: &mut Vec<u32>) {
    if let Ok(text) = fs::read_to_string(dir.join("cgroup.procs")) {
        pids.extend(text.lines().filter_map(|l| l.trim().parse::<u32>().ok()));
    }
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                collect_pids(&entry.path(), pids);
            }
        }
    }
}

/// rmdir of a cgroup and its children, deepest first (cgroup directories cannot be
/// removed recursively, and their files cannot be deleted).
fn remove_tree(dir: &Path) -> io::Result<()> {
    match fs::read_dir(dir) {
        Ok(entries) => {
            for entry in entries.flatten() {
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    remove_tree(&entry.path())?;
                }
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    }
    match fs::remove_dir(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}
