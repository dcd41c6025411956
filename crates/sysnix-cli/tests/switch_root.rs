//! `sysnix switch --root DIR` for real: examples/nbd activated into an empty root file
//! system (files through the static link, `.wants/` links systemctl sees as enabled,
//! the user created by systemd-sysusers), a second activation changes nothing, unmanaged
//! files in the way are refused (or moved aside with --backup-existing) and never written
//! through, and generations: two switches, list-generations, rollback, GC roots.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{TempDir, have, text};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// A fresh store, root file system and work dir for one test.
struct Scratch(TempDir);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir = TempDir::new("switch", tag);
        std::fs::create_dir_all(dir.join("root")).expect("scratch dir");
        Scratch(dir)
    }
    fn store(&self) -> PathBuf {
        self.0.join("store")
    }
    fn root(&self) -> PathBuf {
        self.0.join("root")
    }
    fn etc(&self) -> PathBuf {
        self.root().join("etc")
    }
    fn sysnix(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_sysnix"))
            .args(args)
            .env("SYSNIX_STORE", self.store())
            .current_dir(&self.0)
            .output()
            .expect("running sysnix")
    }
    /// `sysnix VERB --root ROOT ARGS…`, which must succeed; returns stderr.
    fn ok(&self, verb: &str, args: &[&str]) -> String {
        let root = self.root();
        let mut all = vec![verb, "--root", root.to_str().unwrap()];
        all.extend_from_slice(args);
        let out = self.sysnix(&all);
        assert!(
            out.status.success(),
            "sysnix {all:?} failed:\n{}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        text(&out.stderr)
    }
    /// A configuration importing examples/nbd plus `extra` (a module body).
    fn config(&self, name: &str, extra: &str) -> String {
        let path = self.0.join(format!("{name}.nix"));
        std::fs::write(
            &path,
            format!("{{ pkgs, ... }}: {{\n  imports = [ {ROOT}/examples/nbd/configuration.nix ];\n{extra}\n}}\n"),
        )
        .unwrap();
        path.to_string_lossy().into_owned()
    }
    fn build(&self, config: &str) -> String {
        let out = self.sysnix(&["build", "-c", config, "--no-out-link"]);
        assert!(out.status.success(), "build failed:\n{}", text(&out.stderr));
        text(&out.stdout).trim().to_string()
    }
    /// Every path under the root's /etc with its type, mode, mtime and link target: to
    /// tell that a run changed nothing.
    fn snapshot(&self) -> String {
        let out = Command::new("find")
            .arg(self.etc())
            .args(["-printf", "%p %y %m %T@ %l\n"])
            .output()
            .unwrap();
        let mut lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
        lines.sort();
        lines.join("\n")
    }
}

fn read_link(p: &Path) -> String {
    std::fs::read_link(p)
        .unwrap_or_else(|e| panic!("{} is not a link: {e}", p.display()))
        .to_string_lossy()
        .into_owned()
}

fn generations(s: &Scratch) -> serde_json::Value {
    let root = s.root();
    let out = s.sysnix(&[
        "list-generations",
        "--json",
        "--root",
        root.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn json_is_refused_before_anything_is_built_or_changed() {
    let s = Scratch::new("json");
    let conf = format!("{ROOT}/examples/nbd/configuration.nix");
    let root = s.root();
    for verb in ["switch", "boot", "test", "dry-activate"] {
        let out = s.sysnix(&[
            verb,
            "--json",
            "--root",
            root.to_str().unwrap(),
            "-c",
            &conf,
        ]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{verb}: {err}");
        assert!(
            err.contains("--json is not supported when activating"),
            "{verb}: {err}"
        );
        assert!(err.contains("sysnix build --json"), "{verb}: {err}");
    }
    // Nothing was built or written.
    assert!(!s.store().exists());
    assert_eq!(std::fs::read_dir(&root).unwrap().count(), 0);
}

#[test]
fn nbd_into_an_empty_root() {
    if !have("systemd-sysusers") || !have("systemctl") {
        return;
    }
    let s = Scratch::new("nbd");
    let conf = format!("{ROOT}/examples/nbd/configuration.nix");
    let err = s.ok("switch", &["-c", &conf]);
    assert!(err.contains("switched to generation 1"), "{err}");
    let top = read_link(&s.etc().join("sysnix/static"));
    assert!(
        top.starts_with(s.store().to_str().unwrap()) && top.ends_with("/etc"),
        "{top}"
    );
    // The closure is in the root's store, at the same path.
    assert!(
        s.root()
            .join(top.trim_start_matches('/'))
            .join("systemd/system/nbd-server.service")
            .is_file()
    );
    // Files are links through the static link.
    let unit = s.etc().join("systemd/system/nbd-server.service");
    assert_eq!(
        read_link(&unit),
        "/etc/sysnix/static/systemd/system/nbd-server.service"
    );
    assert_eq!(
        read_link(
            &s.etc()
                .join("systemd/system/multi-user.target.wants/nbd-server.service")
        ),
        "/etc/sysnix/static/systemd/system/multi-user.target.wants/nbd-server.service"
    );
    assert!(s.etc().join("sysusers.d/00-sysnix.conf").is_symlink());
    assert!(s.etc().join("sysnix/firewall.nft").is_symlink());
    // systemctl, resolving the links inside the root, sees the units enabled.
    for u in ["nbd-server.service", "sysnix-firewall.service"] {
        let out = Command::new("systemctl")
            .arg(format!("--root={}", s.root().display()))
            .args(["is-enabled", u])
            .output()
            .unwrap();
        assert_eq!(
            text(&out.stdout).trim(),
            "enabled",
            "{u}: {}",
            text(&out.stderr)
        );
    }
    // sysusers created the user and its group.
    let passwd = std::fs::read_to_string(s.etc().join("passwd")).unwrap();
    assert!(
        passwd
            .lines()
            .any(|l| l.starts_with("nbd:x:") && l.ends_with(":/var/empty:/usr/sbin/nologin")),
        "{passwd}"
    );
    assert!(
        std::fs::read_to_string(s.etc().join("group"))
            .unwrap()
            .contains("nbd:x:")
    );
    let state: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            s.root()
                .join(s.store().parent().unwrap().strip_prefix("/").unwrap())
                .join("var/state/state.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(state["usersCreated"], serde_json::json!(["nbd"]));
    assert!(state["pending"].is_null());
    assert_eq!(state["etc"]["systemd/system/nbd-server.service"], "link");

    // Again: nothing changes, no new generation.
    let before = s.snapshot();
    let err = s.ok("switch", &["-c", &conf]);
    assert!(err.contains("switched to generation 1"), "{err}");
    assert_eq!(before, s.snapshot(), "a second activation changed files");
    assert_eq!(generations(&s).as_array().unwrap().len(), 1);
}

#[test]
fn unmanaged_files_in_the_way_are_refused_or_moved_aside() {
    if !have("systemd-sysusers") {
        return;
    }
    let s = Scratch::new("conflict");
    let conf = format!("{ROOT}/examples/nbd/configuration.nix");
    let units = s.etc().join("systemd/system");
    std::fs::create_dir_all(&units).unwrap();
    // A regular file, and a link to a file outside (Debian's sshd.service → ssh.service):
    // neither may be clobbered, nor written through.
    std::fs::write(units.join("nbd-server.service"), "# mine\n").unwrap();
    let victim = s.0.join("victim.service");
    std::fs::write(&victim, "# the link's target\n").unwrap();
    std::os::unix::fs::symlink(&victim, units.join("sysnix-firewall.service")).unwrap();
    let before = s.snapshot();

    let root = s.root();
    let out = s.sysnix(&["switch", "--root", root.to_str().unwrap(), "-c", &conf]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("refusing to switch"), "{err}");
    assert!(
        err.contains("/etc/systemd/system/nbd-server.service: a file sysnix does not manage"),
        "{err}"
    );
    assert!(
        err.contains("/etc/systemd/system/sysnix-firewall.service: a symlink to"),
        "{err}"
    );
    assert!(err.contains("--backup-existing"), "{err}");
    assert_eq!(before, s.snapshot(), "a refused switch changed the root");
    assert!(
        !s.etc().join("passwd").exists(),
        "users were created by a refused switch"
    );
    assert_eq!(generations(&s), serde_json::json!([]));

    // Moved aside on request; the link's target is untouched.
    let err = s.ok("switch", &["-c", &conf, "--backup-existing"]);
    assert!(err.contains("moved /etc/systemd/system/nbd-server.service to /etc/systemd/system/nbd-server.service.sysnix-backup"), "{err}");
    assert_eq!(
        std::fs::read_to_string(units.join("nbd-server.service.sysnix-backup")).unwrap(),
        "# mine\n"
    );
    assert_eq!(
        read_link(&units.join("sysnix-firewall.service.sysnix-backup")),
        victim.to_str().unwrap()
    );
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "# the link's target\n"
    );
    assert!(units.join("nbd-server.service").is_symlink());

    // When the files leave the configuration, the originals come back.
    let empty = s.0.join("empty.nix");
    std::fs::write(&empty, "{ ... }: { networking.firewall.enable = false; }\n").unwrap();
    s.ok("switch", &["-c", empty.to_str().unwrap()]);
    assert_eq!(
        std::fs::read_to_string(units.join("nbd-server.service")).unwrap(),
        "# mine\n"
    );
    assert_eq!(
        read_link(&units.join("sysnix-firewall.service")),
        victim.to_str().unwrap()
    );
    assert!(
        !units.join("multi-user.target.wants").exists(),
        "the dir sysnix made is gone"
    );
}

#[test]
fn a_packages_enablement_link_is_taken_over_and_given_back() {
    if !have("systemd-sysusers") {
        return;
    }
    let s = Scratch::new("adopt");
    let wants = s.etc().join("systemd/system/multi-user.target.wants");
    std::fs::create_dir_all(&wants).unwrap();
    std::os::unix::fs::symlink(
        "/lib/systemd/system/nbd-server.service",
        wants.join("nbd-server.service"),
    )
    .unwrap();
    let conf = format!("{ROOT}/examples/nbd/configuration.nix");
    s.ok("switch", &["-c", &conf]);
    assert_eq!(
        read_link(&wants.join("nbd-server.service")),
        "/etc/sysnix/static/systemd/system/multi-user.target.wants/nbd-server.service"
    );
    let empty = s.0.join("empty.nix");
    std::fs::write(&empty, "{ ... }: { }\n").unwrap();
    s.ok("switch", &["-c", empty.to_str().unwrap()]);
    assert_eq!(
        read_link(&wants.join("nbd-server.service")),
        "/lib/systemd/system/nbd-server.service"
    );
}

#[test]
fn generations_rollback_and_gc_roots() {
    if !have("systemd-sysusers") {
        return;
    }
    let s = Scratch::new("gens");
    let one = s.config("one", "");
    let two = s.config(
        "two",
        r#"  environment.etc."sysnix-test.conf" = { text = "two\n"; mode = "0640"; group = "nbd"; };"#,
    );
    let top1 = s.build(&one);
    let top2 = s.build(&two);
    s.ok("switch", &["-c", &one]);
    s.ok("switch", &["--system", &top2]);
    let gens = generations(&s);
    assert_eq!(
        gens.as_array()
            .unwrap()
            .iter()
            .map(|g| (
                g["number"].as_u64().unwrap(),
                g["path"].as_str().unwrap().to_string(),
                g["current"].as_bool().unwrap()
            ))
            .collect::<Vec<_>>(),
        vec![(1, top1.clone(), false), (2, top2.clone(), true)]
    );
    let profiles = s
        .root()
        .join(s.store().parent().unwrap().strip_prefix("/").unwrap())
        .join("var/profiles");
    assert_eq!(read_link(&profiles.join("system")), "system-2-link");
    assert_eq!(read_link(&profiles.join("system-1-link")), top1);
    // The copy: a regular file with its mode and group.
    let copy = s.etc().join("sysnix-test.conf");
    let meta = std::fs::symlink_metadata(&copy).unwrap();
    assert!(meta.is_file());
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&meta.permissions()) & 0o7777,
        0o640
    );
    let nbd_gid = std::fs::read_to_string(s.etc().join("group"))
        .unwrap()
        .lines()
        .find_map(|l| {
            l.strip_prefix("nbd:x:")
                .map(|r| r.trim_end_matches(':').parse::<u32>().unwrap())
        })
        .unwrap();
    assert_eq!(std::os::unix::fs::MetadataExt::gid(&meta), nbd_gid);
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), "two\n");
    // Text output names the current one.
    let root = s.root();
    let out = s.sysnix(&["list-generations", "--root", root.to_str().unwrap()]);
    let listing = text(&out.stdout);
    assert!(
        listing.lines().any(|l| l.trim_start().starts_with("2 ")
            && l.contains(&top2)
            && l.ends_with("(current)")),
        "{listing}"
    );

    // Rollback: generation 1's files, no new generation.
    let err = s.ok("rollback", &[]);
    assert!(err.contains("rolling back to generation 1"), "{err}");
    assert!(!copy.exists(), "rollback left generation 2's file");
    assert_eq!(
        read_link(&s.etc().join("sysnix/static")),
        format!("{top1}/etc")
    );
    assert_eq!(read_link(&profiles.join("system")), "system-1-link");
    assert_eq!(generations(&s).as_array().unwrap().len(), 2);
    // Nothing older to roll back to.
    let out = s.sysnix(&["rollback", "--root", root.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("nothing to roll back to"),
        "{}",
        text(&out.stderr)
    );
    // Forward again by number.
    s.ok("switch", &["--generation", "2"]);
    assert!(copy.is_file());
    assert_eq!(read_link(&profiles.join("system")), "system-2-link");
    let out = s.sysnix(&[
        "switch",
        "--root",
        root.to_str().unwrap(),
        "--generation",
        "7",
    ]);
    assert!(
        text(&out.stderr).contains("generation 7 does not exist; there are 1, 2"),
        "{}",
        text(&out.stderr)
    );

    // Both generations are GC roots of the root's store: gc keeps them.
    let root_store = s.root().join(s.store().strip_prefix("/").unwrap());
    let out = Command::new(env!("CARGO_BIN_EXE_sysnix"))
        .args(["gc", "--store", root_store.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    for top in [&top1, &top2] {
        let name = Path::new(top).file_name().unwrap();
        assert!(
            root_store.join(name).join("activation.json").is_file(),
            "gc deleted {top}"
        );
    }
}

#[test]
fn dry_activate_changes_nothing() {
    let s = Scratch::new("dry");
    let conf = format!("{ROOT}/examples/nbd/configuration.nix");
    let root = s.root();
    let out = s.sysnix(&[
        "dry-activate",
        "--root",
        root.to_str().unwrap(),
        "-c",
        &conf,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("would switch /etc to"), "{stdout}");
    assert_eq!(
        std::fs::read_dir(s.root()).unwrap().count(),
        0,
        "dry-activate wrote into the root"
    );
}
