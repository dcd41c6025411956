//! Embeds every file under the repository's `lib/`, `pkgs/` and `nixos/` into the binary
//! (see src/lib.rs).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("the tree is readable")
        .map(|e| e.expect("a tree entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, root, out);
        } else {
            let rel = path
                .strip_prefix(root)
                .expect("under the root")
                .to_string_lossy()
                .into_owned();
            out.push((rel, path));
        }
    }
}

/// The repository's top-level Nix trees that are embedded.
const TREES: &[&str] = &["lib", "pkgs", "nixos"];

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let root = manifest
        .join("../..")
        .canonicalize()
        .expect("repository root");
    let mut files = Vec::new();
    // The lib, the package set and the OS modules: the Nix half of sysnix.
    for tree in TREES {
        let dir = root.join(tree);
        // A directory makes cargo rerun this script when anything inside it changes.
        println!("cargo:rerun-if-changed={}", dir.display());
        if dir.is_dir() {
            collect(&dir, &root, &mut files);
        }
    }
    let mut code = String::from(
        "/// `(path relative to the root, contents)` of every embedded file.\npub static FILES: &[(&str, &str)] = &[\n",
    );
    for (rel, path) in &files {
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    // The tree's name in the cache: a hash of every path and content.
    let mut data = Vec::new();
    for (rel, path) in &files {
        data.extend_from_slice(rel.as_bytes());
        data.push(0);
        data.extend_from_slice(&std::fs::read(path).expect("reading a lib file"));
        data.push(0);
    }
    let digest = sysnix_store::hash::HashAlgo::Sha256.digest(&data);
    let hash = sysnix_store::base32::encode(&digest[..20]);
    writeln!(code, "/// A short hash naming this version of the tree.\npub const VERSION_HASH: &str = {hash:?};").unwrap();
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("embedded.rs");
    std::fs::write(out, code).expect("writing embedded.rs");
}
