//! `sysnix build` for real: the examples are built into a fresh store (sandboxed builds,
//! host packages from the real dpkg database), every generated unit is judged by
//! `systemd-analyze verify`, and bad input fails with an error at the user's file while
//! leaving nothing half-written in the store.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{TempDir, have, text};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// A fresh store (and work dir) for one test, removed at the end.
struct Scratch(TempDir);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir = TempDir::new("build", tag);
        Scratch(dir)
    }
    fn store(&self) -> PathBuf {
        self.0.join("store")
    }
    fn sysnix(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_sysnix"))
            .args(args)
            .env("SYSNIX_STORE", self.store())
            .current_dir(&self.0)
            .output()
            .expect("running sysnix")
    }
    /// Store entries other than the state dir.
    fn store_entries(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(self.store())
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| !n.starts_with('.'))
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    }
    /// Leftovers of unfinished work in the store's temp dir.
    fn temp_leftovers(&self) -> Vec<String> {
        std::fs::read_dir(self.store().join(".sysnix/tmp"))
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Builds an example; returns the toplevel and the summary.
fn build_example(s: &Scratch, dir: &str) -> (PathBuf, serde_json::Value) {
    let conf = format!("{ROOT}/examples/{dir}/configuration.nix");
    let out = s.sysnix(&["build", "-c", &conf, "--json"]);
    assert!(
        out.status.success(),
        "building examples/{dir} failed:\n{}",
        text(&out.stderr)
    );
    let summary: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("--json prints JSON");
    let top = PathBuf::from(summary["toplevel"].as_str().expect("toplevel"));
    assert!(top.starts_with(s.store()), "{top:?} is in the test store");
    assert!(top.join("activation.json").is_file());
    // The result link is a GC root pointing at the toplevel.
    assert_eq!(
        std::fs::read_link(s.0.join("result")).expect("result link"),
        top
    );
    (top, summary)
}

/// Every unit file of a built system.
fn units(top: &Path) -> Vec<PathBuf> {
    let dir = top.join("etc/systemd/system");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("etc/systemd/system")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            // Masked units (links to /dev/null) have nothing to verify.
            let masked = std::fs::canonicalize(p).is_ok_and(|t| t == Path::new("/dev/null"));
            !p.is_dir() && n.contains('.') && !n.ends_with(".d") && !masked
        })
        .collect();
    v.sort();
    v
}

/// `systemd-analyze verify` on every unit: exit 0 and no complaint about our units.
fn verify_units(top: &Path) {
    if !have("systemd-analyze") {
        return;
    }
    let units = units(top);
    assert!(!units.is_empty(), "the system has units");
    for unit in units {
        let out = Command::new("systemd-analyze")
            .arg("verify")
            .arg(&unit)
            .output()
            .expect("running systemd-analyze");
        let name = unit.file_name().unwrap().to_string_lossy().into_owned();
        let stderr = text(&out.stderr);
        let complaints: Vec<&str> = stderr
            .lines()
            .filter(|l| l.contains(&name) || l.contains(top.to_str().unwrap()))
            .collect();
        assert!(
            out.status.success() && complaints.is_empty(),
            "systemd-analyze verify {name}: rc {:?}\n{stderr}",
            out.status.code()
        );
    }
}

#[test]
fn nbd_example_runs_nbd_server_with_its_ini_file_and_verifies() {
    let s = Scratch::new("nbd");
    let (top, summary) = build_example(&s, "nbd");
    let unit = std::fs::read_to_string(top.join("etc/systemd/system/nbd-server.service"))
        .expect("nbd-server.service");
    let exec = unit
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .expect("an ExecStart line");
    let store = s.store().display().to_string();
    let (bin, rest) = exec.split_once(" -C ").expect("nbd-server -C <config>");
    assert!(
        bin.starts_with(&store) && bin.ends_with("/bin/nbd-server"),
        "ExecStart runs the host package's nbd-server: {exec}"
    );
    assert!(
        Path::new(bin).exists(),
        "{bin} resolves to the installed nbd-server"
    );
    let config = rest.split_whitespace().next().unwrap_or("");
    assert!(
        config.starts_with(&store),
        "the config is a store path: {config}"
    );
    let ini = std::fs::read_to_string(config).expect("the ini file is realised");
    assert!(
        ini.trim_start().starts_with("[generic]"),
        "[generic] first:\n{ini}"
    );
    assert!(
        summary["units"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u == "nbd-server.service")
    );
    verify_units(&top);
}

#[test]
fn your_app_example_builds_and_verifies() {
    let s = Scratch::new("your-app");
    let (top, _) = build_example(&s, "your_app");
    verify_units(&top);
}

#[test]
fn homelab_example_builds_verifies_and_rebuilds_nothing() {
    let s = Scratch::new("homelab");
    let (top, summary) = build_example(&s, "homelab");
    verify_units(&top);
    assert!(
        summary["users"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u == "media")
    );
    // A second build finds everything valid: same toplevel, nothing built.
    let conf = format!("{ROOT}/examples/homelab/configuration.nix");
    let again = s.sysnix(&["build", "-c", &conf]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert_eq!(text(&again.stdout).trim(), top.display().to_string());
    assert!(
        !text(&again.stderr).contains("building '"),
        "a no-change rebuild builds nothing:\n{}",
        text(&again.stderr)
    );
}

#[test]
fn gc_keeps_what_a_result_link_roots_and_deletes_the_rest() {
    let s = Scratch::new("gc");
    let conf = format!("{ROOT}/examples/nbd/configuration.nix");
    let out = s.sysnix(&["build", "-c", &conf]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let top = text(&out.stdout).trim().to_string();
    let gc = s.sysnix(&["gc"]);
    assert!(gc.status.success(), "{}", text(&gc.stderr));
    assert!(
        Path::new(&top).exists(),
        "the result link keeps the toplevel"
    );
    std::fs::remove_file(s.0.join("result")).expect("removing result");
    let gc = s.sysnix(&["gc"]);
    assert!(gc.status.success(), "{}", text(&gc.stderr));
    assert!(
        !Path::new(&top).exists(),
        "unrooted, the toplevel is collected"
    );
    assert!(text(&gc.stdout).contains(&top), "gc lists what it deleted");
}

/// A configuration that fails must name the user's file and leave the store as it was.
fn assert_bad(tag: &str, conf: &str, expected: &[&str]) {
    let s = Scratch::new(tag);
    let file = s.0.join("configuration.nix");
    std::fs::write(&file, conf).expect("writing the configuration");
    let out = s.sysnix(&["build", "-c", file.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{tag} fails with status 1:\n{err}"
    );
    for e in expected {
        let e = e.replace("$FILE", &file.display().to_string());
        assert!(err.contains(&e), "{tag}: expected {e:?} in:\n{err}");
    }
    assert!(
        !s.0.join("result").exists(),
        "{tag}: no result link after a failure"
    );
    assert!(
        s.temp_leftovers().is_empty(),
        "{tag}: nothing half-written: {:?}",
        s.temp_leftovers()
    );
}

#[test]
fn a_wrong_option_type_names_the_option_and_the_file() {
    assert_bad(
        "type",
        "{ networking.hostName = 42; }\n",
        &["networking.hostName", "$FILE"],
    );
}

#[test]
fn an_unknown_option_names_the_option_and_the_file() {
    assert_bad(
        "unknown",
        "{ services.nbd.server.enabel = true; }\n",
        &["services.nbd.server.enabel", "does not exist", "$FILE"],
    );
}

#[test]
fn a_failed_assertion_prints_its_message() {
    assert_bad(
        "assertion",
        "{ assertions = [ { assertion = false; message = \"the disk must be named\"; } ]; }\n",
        &["Failed assertions:", "- the disk must be named"],
    );
}

#[test]
fn a_missing_file_names_the_path_and_the_place() {
    assert_bad(
        "missing",
        "{ environment.etc.\"motd\".source = ./no-such-file; }\n",
        &["no-such-file", "$FILE"],
    );
}

#[test]
fn a_failing_derivation_shows_its_log_and_leaves_no_output() {
    let s = Scratch::new("failing");
    let file = s.0.join("configuration.nix");
    std::fs::write(
        &file,
        "{ pkgs, ... }: { environment.etc.\"broken\".source = pkgs.runCommand \"broken\" {} ''\n  echo about to fail >&2\n  exit 3\n''; }\n",
    )
    .unwrap();
    let before = s.store_entries();
    let out = s.sysnix(&["build", "-c", file.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("broken"), "names the derivation:\n{err}");
    assert!(err.contains("exit code 3"), "gives the exit code:\n{err}");
    assert!(
        err.contains("about to fail"),
        "shows the log's tail:\n{err}"
    );
    assert!(
        !s.store_entries().iter().any(|e| e.ends_with("-broken")),
        "no output of the failed build: {:?} (before: {before:?})",
        s.store_entries()
    );
    assert!(!s.0.join("result").exists());
    assert!(s.temp_leftovers().is_empty(), "{:?}", s.temp_leftovers());
}

/// Real NixOS service modules, copied verbatim from nixpkgs (tests/upstream-modules),
/// build unchanged and their units verify.
#[test]
fn upstream_nixos_modules_build_unchanged() {
    for name in ["nbd", "iperf3", "memcached", "rsyncd"] {
        let s = Scratch::new(name);
        let conf = format!("{ROOT}/tests/upstream-modules/{name}.conf.nix");
        let out = s.sysnix(&["build", "-c", &conf, "--json"]);
        assert!(
            out.status.success(),
            "upstream {name}.nix:\n{}",
            text(&out.stderr)
        );
        let summary: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let top = PathBuf::from(summary["toplevel"].as_str().unwrap());
        let want = if name == "rsyncd" {
            "rsync.service".to_string()
        } else if name == "nbd" {
            "nbd-server.service".to_string()
        } else {
            format!("{name}.service")
        };
        assert!(
            summary["units"]
                .as_array()
                .unwrap()
                .iter()
                .any(|u| *u == *want),
            "{name}: {want} in {:?}",
            summary["units"]
        );
        verify_units(&top);
    }
}

#[test]
fn check_packages_reports_installed_missing_and_unknown_packages() {
    let s = Scratch::new("check");
    let file = s.0.join("configuration.nix");
    // coreutils is installed everywhere; cowsay is in Debian but not installed by
    // .ci/run; "sysnix-no-such-package" is known to no apt.
    std::fs::write(
        &file,
        "{ pkgs, ... }: { environment.systemPackages = [ pkgs.coreutils pkgs.cowsay (pkgs.mkHostPackage \"ghost\" { deb = [ \"sysnix-no-such-package\" ]; }) ]; }\n",
    )
    .unwrap();
    let out = s.sysnix(&["build", "-c", file.to_str().unwrap(), "--check-packages"]);
    let err = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "an unknown package fails the check:\n{err}"
    );
    assert!(err.contains("installed: coreutils"), "{err}");
    assert!(
        err.contains("missing: cowsay is not installed; activation will install it"),
        "{err}"
    );
    assert!(
        err.contains("unknown package: sysnix-no-such-package (pkgs.ghost)"),
        "{err}"
    );
    // The system itself was built: the check only reports.
    assert!(text(&out.stdout).trim().ends_with("-sysnix-system"));
}

#[test]
fn warnings_are_printed_and_the_build_goes_on() {
    let s = Scratch::new("warn");
    let file = s.0.join("configuration.nix");
    std::fs::write(&file, "{ warnings = [ \"the disk is old\" ]; }\n").unwrap();
    let out = s.sysnix(&["build", "-c", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("warning: the disk is old"));
}

#[test]
fn an_attribute_of_a_file_builds_as_with_nix_build() {
    let s = Scratch::new("attr");
    let file = s.0.join("default.nix");
    std::fs::write(
        &file,
        "{ pkgs ? import <sysnix/pkgs> { } }: { greeting = pkgs.writeText \"greeting\" \"hello\\n\"; }\n",
    )
    .unwrap();
    let out = s.sysnix(&["build", "-f", file.to_str().unwrap(), "-A", "greeting"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let path = text(&out.stdout).trim().to_string();
    assert!(path.ends_with("-greeting"), "{path}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "hello\n");
    let not_drv = s.sysnix(&["build", "-f", file.to_str().unwrap(), "-A", "nothing"]);
    assert_eq!(not_drv.status.code(), Some(1));
    assert!(
        text(&not_drv.stderr).contains("attribute 'nothing'"),
        "{}",
        text(&not_drv.stderr)
    );
}

/// Every writer and format of `pkgs` (tests/build/writers.nix), built in the sandbox; the
/// outputs are run or parsed.
#[test]
fn writers_and_formats_build_and_work() {
    let s = Scratch::new("writers");
    let file = format!("{ROOT}/tests/build/writers.nix");
    let build = |attr: &str| -> PathBuf {
        let out = s.sysnix(&["build", "--no-out-link", "-f", &file, "-A", attr]);
        assert!(out.status.success(), "{attr}: {}", text(&out.stderr));
        PathBuf::from(text(&out.stdout).trim())
    };
    let run = |prog: &Path, args: &[&str]| -> String {
        let out = Command::new(prog)
            .args(args)
            .output()
            .expect("running a built program");
        assert!(out.status.success(), "{prog:?}: {}", text(&out.stderr));
        text(&out.stdout)
    };
    assert_eq!(std::fs::read_to_string(build("text")).unwrap(), "hello\n");
    assert_eq!(run(&build("textFile").join("bin/tool"), &[]), "tool-ran\n");
    assert_eq!(
        std::fs::read_to_string(build("textDir").join("share/doc/readme.txt")).unwrap(),
        "read me\n"
    );
    assert_eq!(run(&build("script"), &[]), "script-ran\n");
    assert_eq!(run(&build("shellScript"), &["x"]), "shell-script-ran x\n");
    assert_eq!(
        run(&build("shellScriptBin").join("bin/hello-bin"), &[]),
        "hello-bin-ran\n"
    );
    assert_eq!(
        run(&build("shellApplication").join("bin/app"), &[]),
        "app-ran none\n"
    );
    let joined = build("joined");
    assert_eq!(run(&joined.join("bin/one"), &[]), "one\n");
    assert_eq!(run(&joined.join("bin/two"), &[]), "two\n");
    assert_eq!(
        std::fs::read_to_string(build("command").join("message")).unwrap(),
        "hi from runCommand\n"
    );
    assert_eq!(
        std::fs::read_to_string(build("commandLocal")).unwrap(),
        "local\n"
    );
    // The structured formats parse back to the same data (python3 and python3-yaml are
    // test prerequisites).
    let expected =
        r#"{"server": {"debug": false, "name": "demo", "port": 8080}, "tags": ["a", "b"]}"#;
    for (attr, loader) in [
        ("json", "import json,sys; d=json.load(open(sys.argv[1]))"),
        (
            "toml",
            "import tomllib,sys; d=tomllib.load(open(sys.argv[1],'rb'))",
        ),
        (
            "yaml",
            "import yaml,sys; d=yaml.safe_load(open(sys.argv[1]))",
        ),
    ] {
        let path = build(attr);
        let out = Command::new("python3")
            .arg("-c")
            .arg(format!(
                "{loader}\nimport json\nprint(json.dumps(d, sort_keys=True))"
            ))
            .arg(&path)
            .output()
            .expect("python3");
        let got = text(&out.stdout);
        assert_eq!(
            got.trim(),
            expected,
            "{attr} parses back: {}",
            text(&out.stderr)
        );
    }
    let ini = std::fs::read_to_string(build("ini")).unwrap();
    assert!(
        ini.contains("[general]")
            && ini.contains("enabled=true")
            && ini.contains("[net]")
            && ini.contains("port=8080"),
        "{ini}"
    );
    let kv = std::fs::read_to_string(build("keyValue")).unwrap();
    assert!(kv.contains("NAME=demo") && kv.contains("PORT=8080"), "{kv}");
}
