//! Helpers shared by the store and build integration tests.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use sysnix_store::build::BuildOptions;
use sysnix_store::derivation::{DrvInput, DrvStore};
use sysnix_store::store::LocalStore;

/// A scratch directory under /tmp, removed (write bits restored) on drop.
pub struct Scratch(PathBuf);

impl Scratch {
    pub fn new(tag: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir = PathBuf::from(format!("/tmp/sysnix-it-{tag}-{}-{n}", std::process::id()));
        remove_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// A store at `<scratch>/store`.
    pub fn store(&self) -> LocalStore {
        LocalStore::open(self.0.join("store")).unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        remove_all(&self.0);
    }
}

/// Removes a tree, giving directories their write bit back first.
pub fn remove_all(path: &Path) {
    fn writable(p: &Path) {
        if let Ok(m) = fs::symlink_metadata(p)
            && m.is_dir()
        {
            let _ = fs::set_permissions(p, fs::Permissions::from_mode(0o755));
            if let Ok(rd) = fs::read_dir(p) {
                for e in rd.flatten() {
                    writable(&e.path());
                }
            }
        }
    }
    writable(path);
    let _ = fs::remove_dir_all(path);
}

/// Our effective uid.
pub fn euid() -> u32 {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() }
}

/// Whether sandboxed builds can run here: root, or unprivileged user
/// namespaces. Without them a test is skipped with a printed reason, or
/// fails when `CI=true`.
pub fn sandbox_available() -> bool {
    // SAFETY: geteuid cannot fail.
    let root = unsafe { libc::geteuid() } == 0;
    let mut flags = libc::CLONE_NEWNS
        | libc::CLONE_NEWPID
        | libc::CLONE_NEWNET
        | libc::CLONE_NEWUTS
        | libc::CLONE_NEWIPC;
    if !root {
        flags |= libc::CLONE_NEWUSER;
    }
    let mut cmd = Command::new("/bin/true");
    // SAFETY: only unshare between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            if libc::unshare(flags) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let ok = cmd.status().map(|s| s.success()).unwrap_or(false);
    if !ok {
        let why =
            "sandboxed builds need root or unprivileged user namespaces, and neither is available";
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("{why} (CI=true, so this is a failure)");
        }
        eprintln!("skipping: {why}");
    }
    ok
}

/// Build options using this crate's sandbox test helper.
pub fn opts() -> BuildOptions {
    BuildOptions::new(env!("CARGO_BIN_EXE_sysnix-sandbox-test"))
}

/// A derivation description: `sh -c script` with `env` and the given
/// inputs and outputs.
pub struct Drv<'a> {
    pub name: &'a str,
    pub script: &'a str,
    pub env: &'a [(&'a str, &'a str)],
    pub outputs: &'a [&'a str],
    pub input_drvs: &'a [(&'a str, &'a [&'a str])],
    pub input_srcs: &'a [&'a str],
}

impl Default for Drv<'_> {
    fn default() -> Self {
        Drv {
            name: "test",
            script: "echo hi > $out",
            env: &[],
            outputs: &["out"],
            input_drvs: &[],
            input_srcs: &[],
        }
    }
}

/// Adds `d` to `drvs`; returns the drv path and output paths.
pub fn add_drv(
    store: &LocalStore,
    drvs: &mut DrvStore,
    d: Drv<'_>,
) -> (String, BTreeMap<String, String>) {
    let mut env: BTreeMap<String, String> = [
        ("name", d.name),
        ("system", "x86_64-linux"),
        ("builder", "/bin/sh"),
        ("PATH", "/usr/bin:/bin"),
    ]
    .into_iter()
    .chain(d.env.iter().copied())
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    if d.outputs != ["out"] {
        env.insert("outputs".into(), d.outputs.join(" "));
    }
    let input = DrvInput {
        name: d.name.into(),
        system: "x86_64-linux".into(),
        builder: "/bin/sh".into(),
        args: vec!["-c".into(), d.script.into()],
        env,
        outputs: d.outputs.iter().map(|s| s.to_string()).collect(),
        fixed_output: None,
        input_drvs: d
            .input_drvs
            .iter()
            .map(|(p, os)| (p.to_string(), os.iter().map(|s| s.to_string()).collect()))
            .collect(),
        input_srcs: d
            .input_srcs
            .iter()
            .map(|s| s.to_string())
            .collect::<BTreeSet<_>>(),
    };
    drvs.add(store.dir(), input).unwrap()
}
