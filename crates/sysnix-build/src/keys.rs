//! Keys (`deployment.keys`, `nixos/modules/security/keys.nix`) on the build side.
//!
//! A key's content must never enter the world-readable store, so the toplevel's manifest
//! only describes keys ([`KeyMeta`]). The content of `text` keys is evaluated separately,
//! after the toplevel, from the same configuration, and written root-only beside the
//! store:
//!
//! ```text
//! <prefix>/var/keys/                         0700
//! <prefix>/var/keys/<toplevel basename>/     0700, one per built system
//! <prefix>/var/keys/<toplevel basename>/<attribute name>   0600
//! ```
//!
//! so that activation (`sysnix switch --system`, rollback) and the boot-time
//! `sysnix-keys.service` can place the keys of any generation. `sysnix gc` removes the
//! directories of toplevels that are no longer in the store ([`collect_garbage`]).
//!
//! Two configurations that differ only in a key's `text` build the same toplevel; the
//! last build's text is the one kept.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use sysnix_eval::{ErrorKind, Eval, EvalError, Value};

/// One key as the manifest (`activation.json`, `keys`) describes it: everything but its
/// content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyMeta {
    /// The attribute name under `deployment.keys` (names the text copy and the unit).
    pub attr: String,
    /// The file name in `dest_dir`.
    pub name: String,
    /// `dest_dir/name`, as the system sees it.
    pub path: String,
    /// The directory the key is placed in.
    pub dest_dir: String,
    /// The key file's owner.
    pub user: String,
    /// The key file's group.
    pub group: String,
    /// The key file's mode, octal.
    pub permissions: String,
    /// Where the content comes from.
    pub source: KeySource,
    /// With `keyFile`: the file read at placement.
    #[serde(default)]
    pub key_file: Option<String>,
    /// With `keyCommand`: the argv run at placement (stdout is the key).
    #[serde(default)]
    pub key_command: Option<Vec<String>>,
    /// The unit that is active while the key exists.
    #[serde(default)]
    pub unit: String,
}

/// The kinds of key source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeySource {
    /// `text`: a root-only copy written by the build.
    #[serde(rename = "text")]
    Text,
    /// `keyFile`: a file on the machine.
    #[serde(rename = "keyFile")]
    KeyFile,
    /// `keyCommand`: a program's output.
    #[serde(rename = "keyCommand")]
    KeyCommand,
}

impl KeySource {
    /// The option's name.
    pub fn as_str(self) -> &'static str {
        match self {
            KeySource::Text => "text",
            KeySource::KeyFile => "keyFile",
            KeySource::KeyCommand => "keyCommand",
        }
    }
}

impl KeyMeta {
    /// The keys a manifest lists (none when it has no `keys`).
    pub fn from_manifest(m: &crate::summary::Manifest) -> Result<Vec<KeyMeta>, String> {
        match m.rest.get("keys") {
            None | Some(serde_json::Value::Null) => Ok(Vec::new()),
            Some(v) => serde_json::from_value(v.clone())
                .map_err(|e| format!("the manifest's keys are malformed: {e}")),
        }
    }

    /// The mode as a number (the module asserts it is octal).
    pub fn mode(&self) -> Result<u32, String> {
        u32::from_str_radix(&self.permissions, 8)
            .ok()
            .filter(|m| *m <= 0o7777)
            .ok_or_else(|| {
                format!(
                    "key {}: permissions {:?} is not an octal mode",
                    self.attr, self.permissions
                )
            })
    }
}

/// `<prefix>/var/keys` for a store dir (`/sysnix/var/keys` for `/sysnix/store`).
pub fn keys_dir(store_dir: &Path) -> PathBuf {
    store_dir
        .parent()
        .unwrap_or(Path::new("/"))
        .join("var/keys")
}

/// Where the text keys of one built system are kept.
pub fn copies_dir(store_dir: &Path, toplevel: &str) -> PathBuf {
    let base = Path::new(toplevel)
        .file_name()
        .map(|b| b.to_string_lossy().into_owned())
        .unwrap_or_default();
    keys_dir(store_dir).join(base)
}

/// The expression giving the `text` of every key of a configuration, as JSON
/// (`{ attr: text-or-null }`).
pub fn texts_expr(configuration: &Path) -> String {
    format!(
        "builtins.toJSON (builtins.mapAttrs (_: k: k.text) {}.config.deployment.keys)",
        crate::system::configuration_expr(configuration)
    )
}

/// The text keys of a configuration (attribute name → content); keys from a file or a
/// command are left out.
pub fn text_keys(
    ev: &mut Eval,
    configuration: &Path,
) -> sysnix_eval::Result<BTreeMap<String, String>> {
    let v = ev.eval_string(&texts_expr(configuration), Path::new("/"))?;
    let v = ev.force(&v)?;
    let Value::String(s) = &v else {
        return Err(EvalError::new(
            ErrorKind::Eval,
            format!("deployment.keys: expected JSON text, got {}", v.type_desc()),
            None,
        ));
    };
    let all: BTreeMap<String, Option<String>> = serde_json::from_str(s.as_str())
        .map_err(|e| EvalError::new(ErrorKind::Eval, format!("deployment.keys: {e}"), None))?;
    Ok(all
        .into_iter()
        .filter_map(|(k, t)| t.map(|t| (k, t)))
        .collect())
}

/// Creates `dir` (and missing parents) and makes it 0700.
fn private_dir(dir: &Path) -> Result<(), String> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .and_then(|_| std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)))
        .map_err(|e| format!("creating {}: {e}", dir.display()))
}

/// Writes `content` to `dir/name`, mode 0600, atomically (a new file beside it, synced,
/// renamed over the old one).
pub fn write_private(dir: &Path, name: &str, content: &[u8]) -> Result<(), String> {
    let dest = dir.join(name);
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let write = || -> std::io::Result<()> {
        let _ = std::fs::remove_file(&tmp);
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(content)?;
        f.sync_all()?;
        std::fs::rename(&tmp, &dest)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("writing {}: {e}", dest.display())
    })
}

/// Keeps the text keys of the system `toplevel` root-only beside the store (see the
/// module documentation); files of keys no longer there are removed. Returns the
/// directory, or none when there are no text keys.
pub fn save(
    store_dir: &Path,
    toplevel: &str,
    texts: &BTreeMap<String, String>,
) -> Result<Option<PathBuf>, String> {
    let dir = copies_dir(store_dir, toplevel);
    if texts.is_empty() && !dir.exists() {
        return Ok(None);
    }
    private_dir(&keys_dir(store_dir))?;
    private_dir(&dir)?;
    for (attr, text) in texts {
        write_private(&dir, attr, text.as_bytes())?;
    }
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !texts.contains_key(&name) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok(Some(dir))
}

/// The key directories of systems no longer in the store, or among `collected` (the
/// store paths a gc deleted, or would delete in a dry run), removed unless `dry_run`.
/// Returns them.
pub fn collect_garbage(
    store_dir: &Path,
    collected: &[String],
    dry_run: bool,
) -> Result<Vec<PathBuf>, String> {
    let dir = keys_dir(store_dir);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("reading {}: {e}", dir.display())),
    };
    let mut gone = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name();
        let system = store_dir.join(&name);
        let going = collected.iter().any(|p| Path::new(p) == system);
        if !going && system.symlink_metadata().is_ok() {
            continue;
        }
        let path = e.path();
        if !dry_run {
            std::fs::remove_dir_all(&path)
                .map_err(|e| format!("removing {}: {e}", path.display()))?;
        }
        gone.push(path);
    }
    gone.sort();
    Ok(gone)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("sysnix-keys-test-{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("store")).unwrap();
        d
    }

    #[test]
    fn copies_are_private_and_collected_with_their_system() {
        let d = scratch("save");
        let store = d.join("store");
        let top = format!("{}/aaaa-sysnix-system", store.display());
        std::fs::create_dir(&top).unwrap();
        let texts: BTreeMap<_, _> = [("a".to_string(), "secret".to_string())].into();
        let dir = save(&store, &top, &texts).unwrap().unwrap();
        assert_eq!(dir, d.join("var/keys/aaaa-sysnix-system"));
        assert_eq!(std::fs::read_to_string(dir.join("a")).unwrap(), "secret");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode(&dir.join("a")), 0o600);
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&d.join("var/keys")), 0o700);
        // Nothing to save, nothing made.
        assert_eq!(
            save(
                &store,
                &format!("{}/bbbb-x", store.display()),
                &BTreeMap::new()
            )
            .unwrap(),
            None
        );
        // The system exists: kept. Gone: removed (a dry run only says so).
        assert!(collect_garbage(&store, &[], false).unwrap().is_empty());
        assert_eq!(
            collect_garbage(&store, std::slice::from_ref(&top), true).unwrap(),
            vec![dir.clone()]
        );
        assert!(dir.exists());
        std::fs::remove_dir(&top).unwrap();
        assert_eq!(
            collect_garbage(&store, &[], true).unwrap(),
            vec![dir.clone()]
        );
        assert!(dir.exists());
        assert_eq!(
            collect_garbage(&store, &[], false).unwrap(),
            vec![dir.clone()]
        );
        assert!(!dir.exists());
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn manifest_entries_parse() {
        let m: crate::summary::Manifest = serde_json::from_str(
            r#"{"version": 1, "keys": [{"attr": "a", "name": "a", "path": "/run/keys/a",
                "destDir": "/run/keys", "user": "root", "group": "keys", "permissions": "0640",
                "source": "keyCommand", "keyFile": null, "keyCommand": ["echo", "x"],
                "unit": "a-key.service"}]}"#,
        )
        .unwrap();
        let keys = KeyMeta::from_manifest(&m).unwrap();
        assert_eq!(keys[0].source, KeySource::KeyCommand);
        assert_eq!(keys[0].mode().unwrap(), 0o640);
        assert_eq!(
            keys[0].key_command.as_deref(),
            Some(&["echo".to_string(), "x".to_string()][..])
        );
    }
}
