//! Building one derivation: preparing its build directory and sandbox root,
//! running the builder, and moving checked outputs into the store.
//!
//! The build directory `.sysnix/tmp/build-…/` holds `spec.json` (for the
//! sandbox helper) and `root/`, the sandbox's `/` (its layout is described
//! in the [module docs](super)).

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};

use super::sandbox::{self, Bind, SandboxSpec};
use super::scan::RefScanner;
use super::{BuildError, BuildOptions, input_drv_outputs};
use crate::derivation::{Derivation, DrvStore};
use crate::hash::{Hash, HashAlgo, HashFormat, Hasher};
use crate::store::{LocalStore, basename, remove_tree};

/// The build directory inside the sandbox.
const BUILD_TOP: &str = "/build";

/// Builds `drv_path`, returning the output paths it made valid.
pub(crate) fn build_derivation(
    store: &LocalStore,
    drvs: &DrvStore,
    drv_path: &str,
    opts: &BuildOptions,
) -> Result<Vec<String>, BuildError> {
    let drv = drvs.get(drv_path).ok_or_else(|| BuildError::UnknownPath {
        path: drv_path.to_string(),
    })?;
    let ctx = |what: &str| format!("building '{drv_path}': {what}");
    for (name, o) in &drv.outputs {
        if store.dir().parse_store_path(&o.path).is_err() {
            return Err(BuildError::other(
                ctx("checking outputs"),
                format!("output '{name}' has no valid path ('{}')", o.path),
            ));
        }
    }
    if drv.env.contains_key("__json") {
        return Err(BuildError::other(
            ctx("setting up"),
            "structured attributes (__structuredAttrs) are not supported",
        ));
    }
    let mut inputs: Vec<String> = drv.input_srcs.iter().cloned().collect();
    inputs.extend(input_drv_outputs(drvs, drv_path, drv)?);
    let closure = store.closure(inputs.iter().map(String::as_str));
    if let Some(missing) = closure.iter().find(|p| !store.is_valid(p)) {
        return Err(BuildError::other(
            ctx("checking inputs"),
            format!("input '{missing}' is not valid"),
        ));
    }

    let top = store.new_temp("build");
    fs::DirBuilder::new()
        .mode(0o700)
        .create(&top)
        .map_err(|e| BuildError::other(ctx("creating the build directory"), e))?;
    let log_path = store.log_path(drv_path);
    let result = (|| {
        let log = File::create(&log_path)
            .map_err(|e| BuildError::other(ctx("creating the build log"), e))?;
        let locations = if let Some(name) = drv.builder.strip_prefix("builtin:") {
            run_builtin(drv_path, drv, name, &top, log, opts)?
        } else {
            run_sandboxed(store, drv_path, drv, &closure, &top, log, &log_path, opts)?
        };
        finish_outputs(store, drv_path, drv, &closure, &locations)
    })();
    match &result {
        Err(BuildError::BuilderFailed { .. }) if opts.keep_failed => {}
        _ => {
            let _ = remove_tree(&top);
        }
    }
    result
}

/// Runs a registered in-process builder; returns where the outputs are.
fn run_builtin(
    drv_path: &str,
    drv: &Derivation,
    name: &str,
    top: &Path,
    mut log: File,
    opts: &BuildOptions,
) -> Result<BTreeMap<String, PathBuf>, BuildError> {
    let builder =
        opts.builtin_builders
            .get(&drv.builder)
            .ok_or_else(|| BuildError::BuiltinFailed {
                drv: drv_path.to_string(),
                message: format!("unsupported builtin builder 'builtin:{name}'"),
            })?;
    let dir = top.join("out");
    fs::create_dir(&dir).map_err(|e| BuildError::other(format!("building '{drv_path}'"), e))?;
    let locations: BTreeMap<String, PathBuf> = drv
        .outputs
        .iter()
        .map(|(n, o)| (n.clone(), dir.join(basename(&o.path))))
        .collect();
    if let Err(message) = builder(drv, &locations) {
        let _ = writeln!(log, "{message}");
        return Err(BuildError::BuiltinFailed {
            drv: drv_path.to_string(),
            message,
        });
    }
    Ok(locations)
}

/// The builder's environment, as Nix 2.8 sets it up (writing `passAsFile`
/// attributes to files in `build_dir`, the host path of `/build`).
fn builder_env(
    store: &LocalStore,
    drv: &Derivation,
    build_dir: &Path,
    opts: &BuildOptions,
    owner: Option<(u32, u32)>,
) -> io::Result<BTreeMap<String, String>> {
    let mut env = BTreeMap::new();
    let mut set = |k: &str, v: &str| env.insert(k.to_string(), v.to_string());
    set("PATH", "/path-not-set");
    set("HOME", "/homeless-shelter");
    set("NIX_STORE", store.dir().as_str());
    set("NIX_BUILD_CORES", &opts.build_cores.to_string());
    let pass_as_file: BTreeSet<&str> = drv
        .env
        .get("passAsFile")
        .map(|s| {
            s.split([' ', '\t', '\n', '\r'])
                .filter(|w| !w.is_empty())
                .collect()
        })
        .unwrap_or_default();
    for (k, v) in &drv.env {
        if pass_as_file.contains(k.as_str()) {
            let h = Hash::of(HashAlgo::Sha256, k.as_bytes()).to_string(HashFormat::Nix32, false);
            let file = format!(".attr-{h}");
            let host = build_dir.join(&file);
            fs::write(&host, v)?;
            if let Some((uid, gid)) = owner {
                std::os::unix::fs::chown(&host, Some(uid), Some(gid))?;
            }
            env.insert(format!("{k}Path"), format!("{BUILD_TOP}/{file}"));
        } else {
            env.insert(k.clone(), v.clone());
        }
    }
    for k in ["NIX_BUILD_TOP", "TMPDIR", "TEMPDIR", "TMP", "TEMP", "PWD"] {
        env.insert(k.to_string(), BUILD_TOP.to_string());
    }
    env.insert("NIX_LOG_FD".into(), "2".into());
    env.insert("TERM".into(), "xterm-256color".into());
    Ok(env)
}

fn inside(root: &Path, p: &str) -> PathBuf {
    root.join(p.trim_start_matches('/'))
}

fn mkdirs(path: &Path, mode: u32) -> io::Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(mode)
        .create(path)?;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

/// Creates a mount point for `source` at `target` (a directory or an
/// empty file, as `source` is) and records the bind.
fn add_bind(
    binds: &mut Vec<Bind>,
    root: &Path,
    source: &Path,
    target: &str,
    read_only: bool,
) -> io::Result<()> {
    let at = inside(root, target);
    if let Some(parent) = at.parent() {
        fs::create_dir_all(parent)?;
    }
    let meta = fs::symlink_metadata(source)?;
    if meta.file_type().is_symlink() {
        // A symlink cannot be a mount point; copying it is the same.
        symlink(fs::read_link(source)?, &at)?;
        return Ok(());
    }
    if fs::metadata(source)?.is_dir() {
        fs::create_dir(&at)?;
    } else {
        File::create(&at)?;
    }
    binds.push(Bind {
        source: source.to_path_buf(),
        target: PathBuf::from(target),
        read_only,
    });
    Ok(())
}

/// Lays out the sandbox root (see the module docs) and returns the binds.
fn prepare_root(
    store: &LocalStore,
    root: &Path,
    closure: &BTreeSet<String>,
    fixed_output: bool,
    owner: Option<(u32, u32)>,
) -> io::Result<Vec<Bind>> {
    let mut binds = Vec::new();
    mkdirs(root, 0o755)?;
    mkdirs(&root.join("tmp"), 0o1777)?;
    mkdirs(&root.join("proc"), 0o555)?;
    mkdirs(&root.join("dev/shm"), 0o755)?;
    mkdirs(&root.join("etc"), 0o755)?;
    add_bind(&mut binds, root, Path::new("/usr"), "/usr", true)?;
    for name in ["bin", "sbin", "lib", "lib32", "lib64", "libx32"] {
        let host = Path::new("/").join(name);
        match fs::symlink_metadata(&host) {
            Ok(m) if m.file_type().is_symlink() => symlink(fs::read_link(&host)?, root.join(name))?,
            Ok(m) if m.is_dir() => add_bind(&mut binds, root, &host, &format!("/{name}"), true)?,
            _ => {}
        }
    }
    for dev in ["null", "zero", "full", "random", "urandom", "tty"] {
        let host = Path::new("/dev").join(dev);
        if host.exists() {
            add_bind(&mut binds, root, &host, &format!("/dev/{dev}"), false)?;
        }
    }
    symlink("/proc/self/fd", root.join("dev/fd"))?;
    for (i, name) in ["stdin", "stdout", "stderr"].iter().enumerate() {
        symlink(format!("/proc/self/fd/{i}"), root.join("dev").join(name))?;
    }
    let (uid, gid) = owner.unwrap_or((0, 0));
    let mut passwd = String::from("root:x:0:0:Nix build user:/build:/noshell\n");
    let mut group = String::from("root:x:0:\n");
    if owner.is_some() && uid != 65534 {
        passwd.push_str(&format!(
            "nixbld:x:{uid}:{gid}:Nix build user:/build:/noshell\n"
        ));
        group.push_str(&format!("nixbld:!:{gid}:\n"));
    }
    passwd.push_str("nobody:x:65534:65534:Nobody:/:/noshell\n");
    group.push_str("nogroup:x:65534:\n");
    fs::write(root.join("etc/passwd"), passwd)?;
    fs::write(root.join("etc/group"), group)?;
    fs::write(
        root.join("etc/hosts"),
        "127.0.0.1 localhost\n::1 localhost\n",
    )?;
    if fixed_output {
        // Fixed-output builds may fetch: they share the host's network.
        for f in ["resolv.conf", "services"] {
            let _ = fs::copy(Path::new("/etc").join(f), root.join("etc").join(f));
        }
    }
    let store_in_root = inside(root, store.dir().as_str());
    mkdirs(&store_in_root, 0o755)?;
    for p in closure {
        add_bind(&mut binds, root, Path::new(p), p, true)?;
    }
    let build = root.join(BUILD_TOP.trim_start_matches('/'));
    mkdirs(&build, 0o700)?;
    if let Some((uid, gid)) = owner {
        for dir in [&store_in_root, &build] {
            std::os::unix::fs::chown(dir, Some(uid), Some(gid))?;
        }
    }
    Ok(binds)
}

/// Builds in the sandbox; returns where the outputs are (in the root).
#[allow(clippy::too_many_arguments)]
fn run_sandboxed(
    store: &LocalStore,
    drv_path: &str,
    drv: &Derivation,
    closure: &BTreeSet<String>,
    top: &Path,
    mut log: File,
    log_path: &Path,
    opts: &BuildOptions,
) -> Result<BTreeMap<String, PathBuf>, BuildError> {
    let ctx = |what: &str| format!("building '{drv_path}': {what}");
    let owner = sandbox::is_root().then_some(opts.build_user);
    let root = top.join("root");
    let fixed = drv.is_fixed_output();
    let binds = prepare_root(store, &root, closure, fixed, owner)
        .map_err(|e| BuildError::other(ctx("preparing the sandbox"), e))?;
    let env = builder_env(store, drv, &inside(&root, BUILD_TOP), opts, owner)
        .map_err(|e| BuildError::other(ctx("preparing the environment"), e))?;
    let spec = SandboxSpec {
        root: root.clone(),
        binds,
        tmpfs: vec![PathBuf::from("/dev/shm")],
        private_network: !fixed,
        user: owner,
        workdir: BUILD_TOP.to_string(),
        builder: drv.builder.clone(),
        args: drv.args.clone(),
        env: env.into_iter().collect(),
        parent_mount_ns: sandbox::mount_ns()
            .map_err(|e| BuildError::other(ctx("reading our mount namespace"), e))?,
    };
    let spec_file = top.join("spec.json");
    let json =
        serde_json::to_vec(&spec).map_err(|e| BuildError::other(ctx("writing the spec"), e))?;
    fs::write(&spec_file, json).map_err(|e| BuildError::other(ctx("writing the spec"), e))?;

    let (mut reader, writer) =
        io::pipe().map_err(|e| BuildError::other(ctx("creating a pipe"), e))?;
    let mut child = sandbox::spawn(&opts.sandbox_exe, &spec_file, !fixed, writer).map_err(|e| {
        BuildError::other(
            ctx("starting the sandbox"),
            format!(
                "{e} (running '{}' in new namespaces; sandboxed builds need root or unprivileged user namespaces)",
                opts.sandbox_exe.display()
            ),
        )
    })?;
    let mut buf = [0u8; 8192];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                let _ = log.write_all(&buf[..n]);
                if opts.verbose {
                    let _ = io::stderr().write_all(&buf[..n]);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    let status = child
        .wait()
        .map_err(|e| BuildError::other(ctx("waiting for the builder"), e))?;
    let _ = log.flush();
    let code = status.code().unwrap_or(-1);
    if code != 0 {
        let kept = if opts.keep_failed {
            let name = store.dir().store_path_name(drv_path).unwrap_or("drv");
            let dest = store.new_temp(&format!("failed-{}", name.trim_end_matches(".drv")));
            fs::rename(top, &dest).ok().map(|()| dest)
        } else {
            None
        };
        return Err(BuildError::BuilderFailed {
            drv: drv_path.to_string(),
            code,
            log_tail: log_tail(log_path, opts.log_tail_lines),
            log: log_path.to_path_buf(),
            kept,
        });
    }
    Ok(drv
        .outputs
        .iter()
        .map(|(n, o)| (n.clone(), inside(&root, &o.path)))
        .collect())
}

/// The last `n` lines of a log file (reading at most its last 256 KiB).
fn log_tail(path: &Path, n: usize) -> Vec<String> {
    let Ok(mut f) = File::open(path) else {
        return Vec::new();
    };
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let start = len.saturating_sub(256 * 1024);
    if f.seek(SeekFrom::Start(start)).is_err() {
        return Vec::new();
    }
    let mut bytes = Vec::new();
    if f.read_to_end(&mut bytes).is_err() {
        return Vec::new();
    }
    let text = String::from_utf8_lossy(&bytes);
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..]
        .iter()
        .map(|l| l.to_string())
        .collect()
}

/// Checks the outputs at `locations`, verifies a fixed output's hash,
/// scans references and moves them into the store.
fn finish_outputs(
    store: &LocalStore,
    drv_path: &str,
    drv: &Derivation,
    closure: &BTreeSet<String>,
    locations: &BTreeMap<String, PathBuf>,
) -> Result<Vec<String>, BuildError> {
    let ctx = |what: &str| format!("building '{drv_path}': {what}");
    for (name, o) in &drv.outputs {
        if locations
            .get(name)
            .is_none_or(|l| fs::symlink_metadata(l).is_err())
        {
            return Err(BuildError::MissingOutput {
                drv: drv_path.to_string(),
                output: name.clone(),
                path: o.path.clone(),
            });
        }
    }
    if let Some(out) = drv.outputs.get("out").filter(|_| drv.is_fixed_output()) {
        check_fixed_output(drv_path, &out.hash_algo, &out.hash, &locations["out"])?;
    }
    let own: Vec<String> = drv.outputs.values().map(|o| o.path.clone()).collect();
    let candidates: Vec<&String> = closure.iter().chain(own.iter()).collect();
    let mut refs = BTreeMap::new();
    for (name, o) in &drv.outputs {
        let mut scanner = RefScanner::new(store.dir().as_str(), candidates.iter().copied());
        scanner
            .scan_path(&locations[name])
            .map_err(|e| BuildError::other(ctx("scanning references"), e))?;
        let found = scanner.into_found();
        if drv.is_fixed_output() && found.iter().any(|r| r != &o.path) {
            return Err(BuildError::other(
                ctx("checking the fixed output"),
                "a fixed-output derivation's output may not refer to other store paths",
            ));
        }
        refs.insert(name.clone(), found);
    }
    let mut made = Vec::new();
    for (name, o) in &drv.outputs {
        if store.is_valid(&o.path) {
            continue;
        }
        store
            .commit(&locations[name], &o.path, &refs[name])
            .map_err(|e| BuildError::other(ctx(&format!("registering output '{name}'")), e))?;
        made.push(o.path.clone());
    }
    Ok(made)
}

/// Checks that a fixed output hashes to what the derivation says.
fn check_fixed_output(
    drv_path: &str,
    hash_algo: &str,
    expected_hex: &str,
    location: &Path,
) -> Result<(), BuildError> {
    let ctx = format!("building '{drv_path}': checking the fixed output");
    let (recursive, algo) = match hash_algo.strip_prefix("r:") {
        Some(a) => (true, a),
        None => (false, hash_algo),
    };
    let algo = HashAlgo::from_name(algo)
        .ok_or_else(|| BuildError::other(&ctx, format!("unknown hash algorithm '{algo}'")))?;
    let mut hasher = Hasher::new(algo);
    let hashed = if recursive {
        crate::nar::dump_path(location, &mut hasher)
    } else {
        File::open(location).and_then(|mut f| io::copy(&mut f, &mut hasher).map(|_| ()))
    };
    hashed.map_err(|e| BuildError::other(&ctx, e))?;
    let got = hasher.finish();
    if got.to_hex() != expected_hex {
        let specified = Hash::parse_digits(expected_hex, algo, false)
            .map(|h| h.to_string(HashFormat::Sri, true))
            .unwrap_or_else(|_| expected_hex.to_string());
        return Err(BuildError::HashMismatch {
            drv: drv_path.to_string(),
            specified,
            got: got.to_string(HashFormat::Sri, true),
        });
    }
    Ok(())
}
