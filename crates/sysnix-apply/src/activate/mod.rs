//! The activation steps, one file per kind of thing applied, in the order a switch runs
//! them: packages, users, /etc files, keys, tmpfiles, sysctl, kernel modules, the firewall; then
//! the units (`units.rs`). Each step is idempotent (running it again with the same system
//! changes nothing), which is what makes an interrupted switch safe to run again.

pub mod etc_files;
pub mod firewall;
pub mod kernel_modules;
pub mod keys;
pub mod packages;
pub mod sysctl;
pub mod tmpfiles;
pub mod units;
pub mod users;

use crate::layout::Layout;
use crate::state::State;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use sysnix_build::summary::Manifest;

/// What one activation works with.
pub struct Ctx<'a> {
    /// The machine (or root) activated.
    pub layout: &'a Layout,
    /// The toplevel as the system sees it (a store path).
    pub toplevel: String,
    /// The toplevel readable from here (inside the root with `--root`).
    pub toplevel_host: PathBuf,
    /// Its manifest.
    pub manifest: &'a Manifest,
    /// What sysnix owns; steps update it.
    pub state: &'a mut State,
    /// Move unmanaged files in the way aside instead of refusing.
    pub backup_existing: bool,
    /// Warnings and errors met so far.
    pub report: &'a mut Report,
}

impl Ctx<'_> {
    /// A key of the manifest beyond the typed ones (`tmpfiles`, `sysctl`, …).
    pub fn manifest_value(&self, key: &str) -> Option<&serde_json::Value> {
        self.manifest.rest.get(key)
    }
}

/// Problems met while activating; errors make the switch fail at the end, after every
/// step has had its chance (as NixOS's activation does).
#[derive(Debug, Default)]
pub struct Report {
    /// Things that did not work but need not fail the switch.
    pub warnings: Vec<String>,
    /// Things that failed.
    pub errors: Vec<String>,
}

impl Report {
    /// Records and prints a warning.
    pub fn warn(&mut self, msg: impl Into<String>) {
        let msg = msg.into();
        eprintln!("warning: {msg}");
        self.warnings.push(msg);
    }

    /// Records and prints an error.
    pub fn error(&mut self, msg: impl Into<String>) {
        let msg = msg.into();
        eprintln!("error: {msg}");
        self.errors.push(msg);
    }
}

/// A finished command.
pub struct Ran {
    /// Whether it exited 0.
    pub ok: bool,
    /// stdout and stderr, trimmed.
    pub output: String,
}

/// Runs a command with `stdin` fed in, capturing its output; a command that cannot start
/// is an unsuccessful run saying so.
pub fn run(cmd: &mut Command, stdin: Option<&str>) -> Ran {
    let shown = format!("{cmd:?}");
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return Ran {
                ok: false,
                output: format!("cannot run {shown}: {e}"),
            };
        }
    };
    if let Some(text) = stdin
        && let Some(mut pipe) = child.stdin.take()
    {
        let _ = pipe.write_all(text.as_bytes());
    }
    match child.wait_with_output() {
        Ok(out) => {
            let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
            text.push_str(&String::from_utf8_lossy(&out.stderr));
            Ran {
                ok: out.status.success(),
                output: text.trim().to_string(),
            }
        }
        Err(e) => Ran {
            ok: false,
            output: format!("waiting for {shown}: {e}"),
        },
    }
}

/// Whether a program is on PATH.
pub fn have_program(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(name).is_file()))
}

/// The test hook `SYSNIX_TEST_PAUSE_AT=<step>`: at that step, say so on stderr and sleep
/// (an hour), so a test can kill the switch there.
pub fn pause_point(step: &str) {
    if std::env::var("SYSNIX_TEST_PAUSE_AT").as_deref() == Ok(step) {
        eprintln!("sysnix: paused at {step} (SYSNIX_TEST_PAUSE_AT)");
        std::thread::sleep(std::time::Duration::from_secs(3600));
    }
}

/// Every file (not directory) under `dir`, as paths relative to it, sorted; links are
/// listed, not followed.
pub fn tree_leaves(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, rel: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(base.join(rel)) else {
            return;
        };
        for e in entries.flatten() {
            let r = rel.join(e.file_name());
            match e.file_type() {
                Ok(t) if t.is_dir() => walk(base, &r, out),
                Ok(_) => out.push(r.to_string_lossy().into_owned()),
                Err(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, Path::new(""), &mut out);
    out.sort();
    out
}

/// Makes `path` a regular file with `content`, owner and `mode`, unless it already is one;
/// false when nothing had to change. The new file is written beside it (never through a
/// link in the way: `O_NOFOLLOW`, and a link is replaced, not followed), owned and
/// chmod-ed before it is synced and renamed over, so readers see the old file or the new
/// one, never a partial or over-permissive one.
pub(crate) fn ensure_file(
    path: &Path,
    content: &[u8],
    uid: u32,
    gid: u32,
    mode: u32,
) -> std::io::Result<bool> {
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
    if let Ok(meta) = std::fs::symlink_metadata(path)
        && meta.is_file()
        && meta.mode() & 0o7777 == mode
        && meta.uid() == uid
        && meta.gid() == gid
        && std::fs::read(path).ok().as_deref() == Some(content)
    {
        return Ok(false);
    }
    let dir = path.parent().unwrap_or(Path::new("/"));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(".{name}.sysnix-tmp-{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(&tmp)?;
        f.write_all(content)?;
        std::os::unix::fs::fchown(&f, Some(uid), Some(gid))?;
        f.set_permissions(std::fs::Permissions::from_mode(mode))?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        std::fs::File::open(dir)?.sync_all()
    };
    write().inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })?;
    Ok(true)
}
