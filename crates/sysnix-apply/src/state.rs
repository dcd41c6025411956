//! The state file: what sysnix owns on this machine, so it only ever touches (and removes)
//! its own things, and what a switch in progress intends, so an interrupted switch can be
//! run again and converge.
//!
//! Versioned JSON (`version`), written to a temporary file, synced and renamed into place.
//! The rule that makes interruption safe: before a step creates something, the state
//! already claims it (`etc` holds the old and the new files during a switch); after the
//! step, the claims shrink to what the new generation has.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

/// The state file's format version. 2 added `keys`; a version 1 file is read as owning
/// no keys (and written back as version 2, which older sysnix refuses rather than
/// forgetting the keys it does not know about).
pub const STATE_VERSION: u32 = 2;

/// The oldest version this sysnix reads.
const OLDEST_READABLE: u32 = 1;

/// How a file under /etc is managed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EtcKind {
    /// A symlink through `/etc/sysnix/static`.
    Link,
    /// A copy with its own mode and owner.
    Copy,
}

/// What sysnix owns and did, as recorded on the machine.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    /// Format version ([`STATE_VERSION`]).
    pub version: u32,
    /// The toplevel activated last (completely), if any.
    #[serde(default)]
    pub current: Option<String>,
    /// A switch that started and did not finish: its target toplevel.
    #[serde(default)]
    pub pending: Option<Pending>,
    /// A generation installed with `boot`: it becomes current once the machine booted
    /// again (another boot id).
    #[serde(default)]
    pub next_boot: Option<NextBoot>,
    /// Files under /etc sysnix owns (paths relative to /etc).
    #[serde(default)]
    pub etc: BTreeMap<String, EtcKind>,
    /// Directories under /etc sysnix created (removed again when empty and unneeded).
    #[serde(default)]
    pub etc_dirs: BTreeSet<String>,
    /// Unmanaged files that were in the way, moved aside with `--backup-existing`
    /// (path → backup path, relative to /etc); put back when the file leaves the
    /// configuration.
    #[serde(default)]
    pub etc_backups: BTreeMap<String, String>,
    /// Equivalent links taken over (a package's `multi-user.target.wants/X` → its unit):
    /// path → the link's original target, restored when the file leaves the configuration.
    #[serde(default)]
    pub etc_adopted: BTreeMap<String, String>,
    /// Units the current generation defines.
    #[serde(default)]
    pub units: BTreeSet<String>,
    /// Users sysnix created (never deleted: a user's files outlive the configuration).
    #[serde(default)]
    pub users_created: BTreeSet<String>,
    /// Groups sysnix created.
    #[serde(default)]
    pub groups_created: BTreeSet<String>,
    /// Debian packages sysnix installed (never removed automatically).
    #[serde(default)]
    pub packages_installed: BTreeSet<String>,
    /// Key files sysnix placed (`deployment.keys`, paths as the system sees them):
    /// removed when the configuration no longer declares them.
    #[serde(default)]
    pub keys: BTreeSet<String>,
}

/// A switch in progress.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pending {
    /// The toplevel being activated.
    pub toplevel: String,
    /// The step reached (for messages).
    pub step: String,
}

/// A system installed for the next boot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NextBoot {
    /// Its toplevel.
    pub toplevel: String,
    /// The boot id when it was installed.
    pub boot_id: String,
}

impl State {
    /// A fresh state (nothing owned).
    pub fn new() -> State {
        State {
            version: STATE_VERSION,
            ..State::default()
        }
    }

    /// Reads the state file; a missing file is a fresh state.
    pub fn load(path: &Path) -> Result<State, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(State::new()),
            Err(e) => return Err(format!("reading {}: {e}", path.display())),
        };
        let probe: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not JSON: {e}", path.display()))?;
        let version = probe.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if !(u64::from(OLDEST_READABLE)..=u64::from(STATE_VERSION)).contains(&version) {
            return Err(format!(
                "{}: state version {version}, but this sysnix reads versions {OLDEST_READABLE} to {STATE_VERSION}; use the sysnix that wrote it",
                path.display()
            ));
        }
        let mut state: State =
            serde_json::from_value(probe).map_err(|e| format!("{}: {e}", path.display()))?;
        state.version = STATE_VERSION;
        Ok(state)
    }

    /// Writes the state file atomically (temp file, fsync, rename, fsync of the dir).
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let dir = path.parent().unwrap_or(Path::new("/"));
        std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        let tmp = dir.join(format!(".state.json.{}", std::process::id()));
        let mut text = serde_json::to_string_pretty(self).expect("state serialises");
        text.push('\n');
        let write = || -> std::io::Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            std::fs::rename(&tmp, path)?;
            std::fs::File::open(dir)?.sync_all()
        };
        write().map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            format!("writing {}: {e}", path.display())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_other_versions() {
        let dir = std::env::temp_dir().join(format!("sysnix-state-test-{}", std::process::id()));
        let path = dir.join("state.json");
        assert_eq!(State::load(&path).unwrap(), State::new());
        let mut s = State::new();
        s.etc.insert("a/b".into(), EtcKind::Copy);
        s.users_created.insert("nbd".into());
        s.keys.insert("/run/keys/a".into());
        s.save(&path).unwrap();
        assert_eq!(State::load(&path).unwrap(), s);
        // Version 1 (before keys) reads as owning no keys.
        std::fs::write(&path, r#"{"version": 1, "etc": {"a/b": "copy"}}"#).unwrap();
        let old = State::load(&path).unwrap();
        assert_eq!(old.version, STATE_VERSION);
        assert!(old.keys.is_empty() && old.etc.contains_key("a/b"));
        std::fs::write(&path, r#"{"version": 99}"#).unwrap();
        let e = State::load(&path).unwrap_err();
        assert!(e.contains("state version 99"), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
