//! Host packages: `pkgs.<name>` stands for software from the host's package manager
//! (Debian's dpkg/apt). Three parts:
//! - [`DebianDb`], what the evaluator's `builtins.__sysnixHostPackage*` report: which
//!   packages apt knows and which dpkg has installed (with versions);
//! - [`build_host_package`], the in-process builder `builtin:sysnix-host-package`, which
//!   links an installed package's files into `bin/`, `sbin/`, `lib/` and `share/`;
//! - [`check_packages`], `sysnix build --check-packages`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use sysnix_eval::builtins::host::HostPackageDb;
use sysnix_store::derivation::Derivation;

/// dpkg's status database.
const DPKG_STATUS: &str = "/var/lib/dpkg/status";
/// Where dpkg lists each installed package's files (`<pkg>.list` or `<pkg>:<arch>.list`).
const DPKG_INFO: &str = "/var/lib/dpkg/info";
/// apt's package lists (their modification times key the cached name list).
const APT_LISTS: &str = "/var/lib/apt/lists";

/// The host's Debian package database, read once per evaluation.
#[derive(Debug, Default)]
pub struct DebianDb {
    installed: HashMap<String, String>,
    names_cache: Option<PathBuf>,
    /// Every known name, sorted, one per line, computed on first use (the package set
    /// and `--check-packages` both ask). One string, not one per name: there are tens of
    /// thousands, and every no-change `sysnix build` reads them.
    names: std::cell::OnceCell<String>,
}

impl DebianDb {
    /// Reads dpkg's status file. `cache_dir` keeps the list of package names apt knows
    /// (asking apt takes ~0.6 s; the list is reused until apt's lists change).
    pub fn load(cache_dir: Option<&Path>) -> DebianDb {
        let text = std::fs::read_to_string(DPKG_STATUS).unwrap_or_default();
        DebianDb {
            installed: parse_dpkg_status(&text),
            names_cache: cache_dir.map(Path::to_path_buf),
            names: std::cell::OnceCell::new(),
        }
    }

    /// apt's names, sorted, one per line.
    fn available_names(&self) -> String {
        let key = apt_lists_key();
        let cache = self
            .names_cache
            .as_ref()
            .map(|d| d.join(format!("apt-names-{key}")));
        if let Some(c) = &cache
            && let Ok(text) = std::fs::read_to_string(c)
        {
            return text;
        }
        let out = std::process::Command::new("apt-cache")
            .arg("pkgnames")
            .stderr(std::process::Stdio::null())
            .output();
        let stdout = match out {
            Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
            _ => String::new(),
        };
        let mut names: Vec<&str> = stdout.lines().collect();
        names.sort_unstable();
        names.dedup();
        let names = names.join("\n");
        if let (Some(c), false) = (&cache, names.is_empty()) {
            if let Some(dir) = c.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let tmp = c.with_extension(format!("tmp{}", std::process::id()));
            if std::fs::write(&tmp, &names).is_ok() {
                let _ = std::fs::rename(&tmp, c);
            }
        }
        names
    }
}

impl HostPackageDb for DebianDb {
    fn names(&self) -> &str {
        self.names.get_or_init(|| {
            let text = self.available_names();
            // Installed packages apt does not know (a local .deb) join the list.
            let mut all: Vec<&str> = text.lines().collect();
            let n = all.len();
            let extra: Vec<&str> = self
                .installed
                .keys()
                .map(String::as_str)
                .filter(|k| all[..n].binary_search(k).is_err())
                .collect();
            if extra.is_empty() {
                return text;
            }
            all.extend(extra);
            all.sort_unstable();
            all.dedup();
            all.join("\n")
        })
    }

    fn installed_version(&self, name: &str) -> Option<String> {
        self.installed.get(name).cloned()
    }
}

/// A key that changes whenever apt's lists do: their names, sizes and mtimes.
fn apt_lists_key() -> String {
    let mut data = String::new();
    if let Ok(entries) = std::fs::read_dir(APT_LISTS) {
        let mut v: Vec<_> = entries.flatten().collect();
        v.sort_by_key(|e| e.file_name());
        for e in v {
            if let Ok(m) = e.metadata() {
                let mtime = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map(|d| d.as_nanos())
                    .unwrap_or(0);
                data.push_str(&format!("{:?} {} {mtime}\n", e.file_name(), m.len()));
            }
        }
    }
    let digest = sysnix_store::hash::HashAlgo::Sha256.digest(data.as_bytes());
    sysnix_store::base32::encode(&digest[..12])
}

/// `package -> version` for every package dpkg reports as installed.
pub fn parse_dpkg_status(text: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for para in text.split("\n\n") {
        let (mut name, mut version, mut installed) = (None, None, false);
        for line in para.lines() {
            if let Some(v) = line.strip_prefix("Package: ") {
                name = Some(v.trim());
            } else if let Some(v) = line.strip_prefix("Version: ") {
                version = Some(v.trim());
            } else if let Some(v) = line.strip_prefix("Status: ") {
                installed = v.trim().ends_with(" installed");
            }
        }
        if let (Some(n), Some(v), true) = (name, version, installed) {
            out.insert(n.to_string(), v.to_string());
        }
    }
    out
}

/// The files dpkg installed for a package, or `None` when it is not installed.
fn dpkg_files(pkg: &str) -> Option<Vec<String>> {
    let info = Path::new(DPKG_INFO);
    let mut candidates = vec![info.join(format!("{pkg}.list"))];
    if let Ok(entries) = std::fs::read_dir(info) {
        let prefix = format!("{pkg}:");
        for e in entries.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with(&prefix) && n.ends_with(".list") {
                candidates.push(e.path());
            }
        }
    }
    candidates
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| t.lines().map(str::to_string).collect())
}

/// Where an installed file is linked in a host package's output, if anywhere:
/// executables go to `bin/` (and `sbin/` ones to both), libraries and data to `lib/`
/// and `share/` (documentation and lintian overrides are left out).
fn link_locations(file: &str) -> Vec<String> {
    let rel = file.strip_prefix("/usr").unwrap_or(file);
    if let Some(name) = rel.strip_prefix("/bin/")
        && !name.contains('/')
    {
        return vec![format!("bin/{name}")];
    }
    if let Some(name) = rel.strip_prefix("/sbin/")
        && !name.contains('/')
    {
        return vec![format!("sbin/{name}"), format!("bin/{name}")];
    }
    if let Some(r) = rel.strip_prefix("/lib/") {
        return vec![format!("lib/{r}")];
    }
    if let Some(r) = rel.strip_prefix("/share/") {
        if r.starts_with("doc/") || r.starts_with("lintian/") || r.starts_with("bug/") {
            return Vec::new();
        }
        return vec![format!("share/{r}")];
    }
    Vec::new()
}

/// The builder `builtin:sysnix-host-package`. Its derivation's environment names the
/// Debian packages (`debPackages`, space-separated) and the programs known to the
/// curated table (`programs`: `rel=/abs/target` pairs). Installed packages get every
/// file linked; packages not installed yet (activation installs them) get the known
/// program links, which resolve once the package is installed.
pub fn build_host_package(
    drv: &Derivation,
    outputs: &BTreeMap<String, PathBuf>,
) -> Result<(), String> {
    let out = outputs
        .get("out")
        .ok_or("a host package has exactly one output, 'out'")?;
    let debs: Vec<&str> = drv
        .env
        .get("debPackages")
        .map(|s| s.split_whitespace().collect())
        .unwrap_or_default();
    let mut links: BTreeMap<String, String> = BTreeMap::new();
    let mut status = serde_json::Map::new();
    for deb in &debs {
        match dpkg_files(deb) {
            Some(files) => {
                for f in &files {
                    let is_dir = Path::new(f).is_dir() && !Path::new(f).is_symlink();
                    if is_dir || !Path::new(f).exists() && !Path::new(f).is_symlink() {
                        continue;
                    }
                    for loc in link_locations(f) {
                        links.entry(loc).or_insert_with(|| f.clone());
                    }
                }
                status.insert(deb.to_string(), serde_json::Value::Bool(true));
            }
            None => {
                status.insert(deb.to_string(), serde_json::Value::Bool(false));
            }
        }
    }
    for pair in drv
        .env
        .get("programs")
        .map(|s| s.split_whitespace().collect::<Vec<_>>())
        .unwrap_or_default()
    {
        let Some((rel, target)) = pair.split_once('=') else {
            return Err(format!(
                "malformed entry '{pair}' in 'programs' (expected rel=/abs/target)"
            ));
        };
        if rel.starts_with('/') || rel.split('/').any(|c| c == "..") || !target.starts_with('/') {
            return Err(format!(
                "malformed entry '{pair}' in 'programs' (expected rel=/abs/target)"
            ));
        }
        links
            .entry(rel.to_string())
            .or_insert_with(|| target.to_string());
    }
    std::fs::create_dir_all(out).map_err(|e| format!("creating {}: {e}", out.display()))?;
    for (rel, target) in &links {
        let path = out.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("creating {}: {e}", parent.display()))?;
        }
        // A deeper entry may sit under an earlier link's name; the first one wins.
        if path.symlink_metadata().is_ok() {
            continue;
        }
        std::os::unix::fs::symlink(target, &path)
            .map_err(|e| format!("linking {} to {target}: {e}", path.display()))?;
    }
    let support = out.join("nix-support");
    std::fs::create_dir_all(&support)
        .map_err(|e| format!("creating {}: {e}", support.display()))?;
    let info = serde_json::json!({ "debPackages": debs, "installed": status });
    std::fs::write(support.join("sysnix-host-package.json"), info.to_string())
        .map_err(|e| format!("writing the host package record: {e}"))?;
    Ok(())
}

/// One host package a system uses, from its activation manifest.
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
pub struct HostPackageUse {
    /// The `pkgs` attribute name.
    pub name: String,
    /// The Debian packages it stands for.
    #[serde(rename = "debPackages")]
    pub deb_packages: Vec<String>,
}

/// The verdict on one Debian package.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PackageState {
    /// Installed (with this version).
    Installed(String),
    /// Known to apt, not installed: activation will install it.
    Missing,
    /// Neither installed nor known to apt.
    Unknown,
}

/// Checks each Debian package the system needs: `(pkgs name, deb name, state)`.
pub fn check_packages(
    db: &DebianDb,
    uses: &[HostPackageUse],
    extra: &[String],
) -> Vec<(String, String, PackageState)> {
    let known: Vec<&str> = db.names().lines().collect(); // sorted
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let pairs = uses
        .iter()
        .flat_map(|u| {
            u.deb_packages
                .iter()
                .map(move |d| (u.name.clone(), d.clone()))
        })
        .chain(extra.iter().map(|d| (d.clone(), d.clone())));
    for (attr, deb) in pairs {
        if !seen.insert(deb.clone()) {
            continue;
        }
        let state = match db.installed_version(&deb) {
            Some(v) => PackageState::Installed(v),
            None if known.binary_search(&deb.as_str()).is_ok() => PackageState::Missing,
            None => PackageState::Unknown,
        };
        out.push((attr, deb, state));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dpkg_status_keeps_only_installed_packages() {
        let text = "Package: a\nStatus: install ok installed\nVersion: 1.0\n\nPackage: b\nStatus: deinstall ok config-files\nVersion: 2\n\nPackage: c\nVersion: 3:1.2-1\nStatus: install ok installed\n";
        let m = parse_dpkg_status(text);
        assert_eq!(m.get("a").map(String::as_str), Some("1.0"));
        assert_eq!(m.get("b"), None);
        assert_eq!(m.get("c").map(String::as_str), Some("3:1.2-1"));
    }

    #[test]
    fn files_land_where_nixpkgs_puts_them() {
        assert_eq!(link_locations("/usr/bin/htop"), vec!["bin/htop"]);
        assert_eq!(link_locations("/bin/nbd-server"), vec!["bin/nbd-server"]);
        assert_eq!(
            link_locations("/usr/sbin/nginx"),
            vec!["sbin/nginx", "bin/nginx"]
        );
        assert_eq!(link_locations("/usr/lib/x/y.so"), vec!["lib/x/y.so"]);
        assert_eq!(
            link_locations("/usr/share/man/man1/a.1.gz"),
            vec!["share/man/man1/a.1.gz"]
        );
        assert!(link_locations("/usr/share/doc/a/copyright").is_empty());
        assert!(link_locations("/etc/nginx/nginx.conf").is_empty());
    }

    #[test]
    fn the_real_dpkg_database_lists_coreutils() {
        // coreutils is essential on every Debian system.
        let db = DebianDb::load(None);
        assert!(db.installed_version("coreutils").is_some());
        let files = dpkg_files("coreutils").expect("coreutils is installed");
        assert!(files.iter().any(|f| f.ends_with("/bin/ls")));
    }
}
