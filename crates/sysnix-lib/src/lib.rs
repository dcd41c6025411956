//! sysnix's Nix half, embedded in the binary: `lib/` (nixpkgs-compatible `lib` and
//! `evalModules`), `pkgs/` (the package set: writers, formats, host packages) and
//! `nixos/` (the OS modules and the system builder), all plain Nix written here.
//!
//! The evaluator reads Nix files from disk (positions, `./relative` imports, `readDir` all
//! work on real paths), so [`materialise`] writes the embedded tree once into a cache
//! directory named by the hash of its contents, and the CLI puts that directory on the
//! search path as `sysnix`: `import <sysnix/lib>` (and `<sysnix/nixos>`, `<sysnix/pkgs>`) works everywhere, and `-I sysnix=DIR`
//! (or `NIX_PATH`) still overrides it.

use std::io;
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Every embedded file: `(path relative to the root, e.g. "lib/default.nix", contents)`.
pub fn files() -> &'static [(&'static str, &'static str)] {
    embedded::FILES
}

/// A short hash naming this version of the library (computed at build time).
pub fn version_hash() -> &'static str {
    embedded::VERSION_HASH
}

/// The default cache directory: `$XDG_CACHE_HOME/sysnix`, `~/.cache/sysnix`, or a
/// per-user directory under the temporary directory.
pub fn default_cache_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("sysnix");
    }
    if let Some(h) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        return PathBuf::from(h).join(".cache/sysnix");
    }
    let user = std::env::var("USER").unwrap_or_else(|_| "user".into());
    std::env::temp_dir().join(format!("sysnix-{user}"))
}

/// Writes the embedded tree under `cache` (once per version) and returns the root that
/// holds `lib/`. The tree is written to a temporary directory and renamed into place, so
/// a reader never sees it half-written, and concurrent runs are harmless.
pub fn materialise(cache: &Path) -> io::Result<PathBuf> {
    let root = cache.join(format!("lib-{}", version_hash()));
    if root.join("lib/default.nix").is_file() {
        return Ok(root);
    }
    std::fs::create_dir_all(cache)?;
    let tmp = cache.join(format!(".tmp-{}-{}", std::process::id(), version_hash()));
    let _ = std::fs::remove_dir_all(&tmp);
    for (rel, text) in files() {
        let path = tmp.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, text)?;
    }
    match std::fs::rename(&tmp, &root) {
        Ok(()) => Ok(root),
        // Another process got there first: theirs is identical.
        Err(_) if root.join("lib/default.nix").is_file() => {
            let _ = std::fs::remove_dir_all(&tmp);
            Ok(root)
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embeds_the_whole_lib() {
        let names: Vec<&str> = files().iter().map(|f| f.0).collect();
        for want in [
            "lib/default.nix",
            "lib/modules.nix",
            "lib/types.nix",
            "lib/options.nix",
        ] {
            assert!(names.contains(&want), "{want} missing from {names:?}");
        }
    }

    #[test]
    fn materialises_once_and_identically() {
        let dir = tempfile::tempdir().unwrap();
        let a = materialise(dir.path()).unwrap();
        let b = materialise(dir.path()).unwrap();
        assert_eq!(a, b);
        for (rel, text) in files() {
            assert_eq!(
                std::fs::read_to_string(a.join(rel)).unwrap(),
                *text,
                "{rel}"
            );
        }
        // Only the finished tree is left behind.
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1);
    }
}
