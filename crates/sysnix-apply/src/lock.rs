//! The switch lock: one switch at a time per machine (and per `--root`). An exclusive
//! `flock` on `<prefix>/var/state/switch.lock`, released by the kernel when the process
//! ends however it ends (kill -9 included), so a stale lock cannot block the next switch.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::os::fd::AsRawFd;
use std::path::Path;

/// A held switch lock; released when dropped.
#[derive(Debug)]
pub struct SwitchLock {
    _file: File,
}

impl SwitchLock {
    /// Takes the lock, or fails at once (naming the holder's pid) when another switch
    /// holds it.
    pub fn acquire(path: &Path) -> Result<SwitchLock, String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|e| format!("opening {}: {e}", path.display()))?;
        // SAFETY: flock on a descriptor we own.
        let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if rc != 0 {
            let err = std::io::Error::last_os_error();
            if err.raw_os_error() == Some(libc::EWOULDBLOCK) {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(format!(
                    "another switch is running (pid {}, lock {}); wait for it to finish",
                    holder.trim(),
                    path.display()
                ));
            }
            return Err(format!("locking {}: {err}", path.display()));
        }
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = writeln!(file, "{}", std::process::id());
        Ok(SwitchLock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_switch_is_refused_until_the_first_ends() {
        let dir = std::env::temp_dir().join(format!("sysnix-lock-test-{}", std::process::id()));
        let path = dir.join("switch.lock");
        let held = SwitchLock::acquire(&path).unwrap();
        let e = SwitchLock::acquire(&path).unwrap_err();
        assert!(e.contains("another switch is running"), "{e}");
        assert!(e.contains(&std::process::id().to_string()), "{e}");
        drop(held);
        // Another test's child process may hold a copy of the descriptor between its fork
        // and exec (close-on-exec): the lock is free once that exec happened.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while let Err(e) = SwitchLock::acquire(&path) {
            assert!(std::time::Instant::now() < deadline, "{e}");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
