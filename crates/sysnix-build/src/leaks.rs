//! The build-time leak check: key material must not be written to the store, where every
//! user can read it. Secret-marked option values are stopped earlier, by the evaluator
//! (`lib.types.secret`); this check looks at the content itself, for what looks like a
//! private key whatever option or file it came from.
//!
//! It runs twice. Before anything is written: the environment of every derivation in the
//! toplevel's closure (`writeText`'s `text`, a unit's text, …), every `toFile` text and
//! every source file evaluation copies (only those not in the store yet). After building:
//! the regular files of each output built by this run (a builder could write a key).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use sysnix_eval::Eval;
use sysnix_store::store::LocalStore;

/// Files larger than this are not scanned (keys are small; a big file is data).
const MAX_SCANNED: u64 = 16 << 20;

/// One piece of key material found on its way into the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leak {
    /// What was found ("a private key block (-----BEGIN OPENSSH PRIVATE KEY-----)").
    pub what: String,
    /// Where it would be written: the store path, and the attribute or file inside it.
    pub place: String,
    /// Where it came from, when known (the source file on disk).
    pub origin: Option<String>,
}

impl std::fmt::Display for Leak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} in {}", self.what, self.place)?;
        if let Some(o) = &self.origin {
            write!(f, " (copied from {o})")?;
        }
        Ok(())
    }
}

/// Describes the key material in `data`, if any: a PEM/OpenSSH/PGP private key block with
/// a body, or an age secret key.
pub fn find_key_material(data: &[u8]) -> Option<String> {
    const BEGIN: &[u8] = b"-----BEGIN ";
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&data[from..], BEGIN) {
        let start = from + i;
        let label_start = start + BEGIN.len();
        from = label_start;
        let rest = &data[label_start..data.len().min(label_start + 64)];
        let Some(end) = memchr::memmem::find(rest, b"-----") else {
            continue;
        };
        let label = &rest[..end];
        let is_private = label.ends_with(b"PRIVATE KEY") || label.ends_with(b"PRIVATE KEY BLOCK");
        if !is_private
            || !label
                .iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b' ')
        {
            continue;
        }
        // A header alone (documentation naming the format) is not a key: ask for a body
        // of base64 on the following lines.
        let body_start = label_start + end + 5;
        let body = &data[body_start..data.len().min(body_start + 200)];
        let base64 = body
            .iter()
            .take_while(|c| {
                c.is_ascii_alphanumeric()
                    || matches!(
                        c,
                        b'+' | b'/' | b'=' | b'\n' | b'\r' | b':' | b' ' | b'-' | b','
                    )
            })
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/'))
            .count();
        if base64 >= 40 {
            let label = String::from_utf8_lossy(label);
            return Some(format!("a private key block (-----BEGIN {label}-----)"));
        }
    }
    if let Some(i) = memchr::memmem::find(data, b"AGE-SECRET-KEY-1") {
        let tail = &data[i + 16..data.len().min(i + 16 + 58)];
        if tail.len() == 58
            && tail
                .iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            return Some("an age secret key (AGE-SECRET-KEY-1…)".to_string());
        }
    }
    None
}

/// Checks what evaluation is about to write for the toplevel `drv_path`: derivation
/// environments, `toFile` texts, and the source files not in the store yet.
pub fn check_before_build(ev: &Eval, store: &LocalStore, drv_path: &str) -> Vec<Leak> {
    let state = &ev.builtin_state;
    let mut leaks = Vec::new();
    for path in state.drvs.closure(drv_path) {
        if let Some(drv) = state.drvs.get(&path) {
            for (key, value) in &drv.env {
                if let Some(what) = find_key_material(value.as_bytes()) {
                    leaks.push(Leak {
                        what,
                        place: format!("attribute '{key}' of derivation {path}"),
                        origin: None,
                    });
                }
            }
        } else if let Some(text) = state.text_files.get(&path) {
            if let Some(what) = find_key_material(text.as_bytes()) {
                leaks.push(Leak {
                    what,
                    place: path.clone(),
                    origin: None,
                });
            }
        } else if let Some(src) = state.sources.get(&path)
            && !store.is_valid(&path)
        {
            let only = src.included.as_ref();
            scan_tree(Path::new(&src.local), &mut |file, what| {
                let f = file.display().to_string();
                if only.is_none_or(|inc| inc.contains(&f)) {
                    let inner = file.strip_prefix(&src.local).unwrap_or(file);
                    leaks.push(Leak {
                        what,
                        place: join_inner(&path, inner),
                        origin: Some(f),
                    });
                }
            });
        }
    }
    leaks
}

/// Checks the outputs a build made valid (`realised` from the build report; paths that
/// are not directories or files, or were checked before building, cost a stat each).
pub fn check_after_build(ev: &Eval, realised: &[String]) -> Vec<Leak> {
    let state = &ev.builtin_state;
    let mut leaks = Vec::new();
    for path in realised {
        if path.ends_with(".drv")
            || state.text_files.contains_key(path)
            || state.sources.contains_key(path)
        {
            continue;
        }
        scan_tree(Path::new(path), &mut |file, what| {
            let inner = file.strip_prefix(path).unwrap_or(file);
            leaks.push(Leak {
                what,
                place: join_inner(path, inner),
                origin: None,
            });
        });
    }
    leaks
}

fn join_inner(store_path: &str, inner: &Path) -> String {
    if inner.as_os_str().is_empty() {
        store_path.to_string()
    } else {
        format!("{store_path}/{}", inner.display())
    }
}

/// Calls `found` for each regular file under `root` (symbolic links are not followed)
/// that holds key material.
fn scan_tree(root: &Path, found: &mut dyn FnMut(&Path, String)) {
    let Ok(meta) = fs::symlink_metadata(root) else {
        return;
    };
    if meta.is_dir() {
        let Ok(entries) = fs::read_dir(root) else {
            return;
        };
        let mut names: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        names.sort();
        for p in names {
            scan_tree(&p, found);
        }
    } else if meta.is_file()
        && meta.len() <= MAX_SCANNED
        && let Ok(data) = fs::read(root)
        && let Some(what) = find_key_material(&data)
    {
        found(root, what);
    }
}

/// The error text for leaks, one per line, with what to do.
pub fn report(leaks: &[Leak]) -> String {
    let mut by_place: BTreeMap<&str, &Leak> = BTreeMap::new();
    for l in leaks {
        by_place.entry(&l.place).or_insert(l);
    }
    let mut out = String::from("key material would be written to the world-readable store:\n");
    for l in by_place.values() {
        out.push_str(&format!("  - {l}\n"));
    }
    out.push_str(
        "Keep keys out of the configuration: give the service the key's path (a `…File` option), \
         or use a key (`deployment.keys.<name>.keyFile`) or a systemd credential \
         (`systemd.services.<name>.credentials`), which stay outside the store.",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACB=\n-----END OPENSSH PRIVATE KEY-----\n";

    #[test]
    fn finds_pem_and_openssh_blocks() {
        assert_eq!(
            find_key_material(KEY.as_bytes()).as_deref(),
            Some("a private key block (-----BEGIN OPENSSH PRIVATE KEY-----)")
        );
        let rsa = "x = 1\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAvJ7V1ydj3pJ0XfS0l3NnKkPx5d0oYdQbQm9xq1xV8n9iQ0pY\n-----END RSA PRIVATE KEY-----";
        assert!(
            find_key_material(rsa.as_bytes())
                .unwrap()
                .contains("RSA PRIVATE KEY")
        );
        let pgp = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF3x0bsBCAC9o0n3wQ3xS1yJj4mI2eV2Jm5b7KxH0uUa9Xq8K0zXq0Zq8kq7\n";
        assert!(find_key_material(pgp.as_bytes()).is_some());
    }

    #[test]
    fn ignores_public_keys_headers_alone_and_certificates() {
        let public = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvJ7V1ydj3pJ0XfS0l3Nn\n";
        assert_eq!(find_key_material(public.as_bytes()), None);
        let cert = "-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvJ7V1ydj3pJ0XfS0l3Nn\n";
        assert_eq!(find_key_material(cert.as_bytes()), None);
        let doc = "Put a file starting with -----BEGIN OPENSSH PRIVATE KEY----- in /etc/ssh.\n";
        assert_eq!(find_key_material(doc.as_bytes()), None);
        assert_eq!(find_key_material(b"-----BEGIN "), None);
        assert_eq!(find_key_material(b""), None);
    }

    #[test]
    fn finds_age_keys() {
        let k = format!("AGE-SECRET-KEY-1{}", "Q".repeat(58));
        assert!(find_key_material(k.as_bytes()).is_some());
        assert_eq!(find_key_material(b"AGE-SECRET-KEY-1 is the prefix"), None);
    }
}
