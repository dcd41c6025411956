//! Realising paths and sandboxed builds. These run real builds in
//! namespaces (as root here and in CI); see `common::sandbox_available`.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{Drv, Scratch, add_drv, opts, sandbox_available};
use sysnix_store::build::{BuildError, SourceSpec, realise};
use sysnix_store::derivation::DrvStore;

fn no_texts() -> BTreeMap<String, String> {
    BTreeMap::new()
}

fn no_sources() -> BTreeMap<String, SourceSpec> {
    BTreeMap::new()
}

/// The store's temporary directory is empty (no half-built leftovers).
fn tmp_is_empty(store: &sysnix_store::store::LocalStore) -> bool {
    fs::read_dir(store.state_dir().join("tmp")).unwrap().count() == 0
}

#[test]
fn simple_build_and_no_op_rebuild() {
    if !sandbox_available() {
        return;
    }
    let s = Scratch::new("simple");
    let store = s.store();
    let mut drvs = DrvStore::default();
    let (drv, outs) = add_drv(&store, &mut drvs, Drv::default());
    let out = outs["out"].clone();
    let report = realise(
        &store,
        &drvs,
        &no_texts(),
        &no_sources(),
        std::slice::from_ref(&out),
        &opts(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.built, vec![drv.clone()]);
    assert!(report.realised.contains(&out) && report.realised.contains(&drv));
    assert_eq!(fs::read_to_string(&out).unwrap(), "hi\n");
    assert_eq!(fs::metadata(&out).unwrap().mode() & 0o7777, 0o444);
    // Outputs belong to us (root here: not to the build user).
    assert_eq!(fs::metadata(&out).unwrap().uid(), common::euid());
    assert!(store.is_valid(&drv), "the .drv file is written");
    assert!(store.log_path(&drv).exists());
    assert!(tmp_is_empty(&store));

    let again = realise(
        &store,
        &drvs,
        &no_texts(),
        &no_sources(),
        std::slice::from_ref(&out),
        &opts(),
    )
    .unwrap();
    assert!(again.built.is_empty() && again.realised.is_empty());
    assert_eq!(again.skipped, vec![out]);
}

/// A script that records what the sandbox looks like from inside.
const PROBE: &str = r#"
set -u
mkdir $out
cat $dep > $out/dep-contents
if test -e $other; then echo visible > $out/other; else echo hidden > $out/other; fi
ls /sys/class/net > $out/net 2>/dev/null || true
cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' ' > $out/proc-net
echo $$ > $out/pid
env | cut -d= -f1 | sort > $out/env
id -u > $out/uid
pwd > $out/pwd
hostname > $out/hostname 2>/dev/null || cat /proc/sys/kernel/hostname > $out/hostname
ls $NIX_STORE | sort > $out/store
ls /proc/self/fd | wc -l > $out/fds
getent hosts localhost | head -n 1 > $out/localhost
if getent hosts example.org > /dev/null; then echo resolved > $out/dns; else echo failed > $out/dns; fi
test -w /usr && echo writable > $out/usr || echo ro > $out/usr
(echo x >> $dep) 2>/dev/null && echo writable > $out/dep-w || echo ro > $out/dep-w
grep ' /usr ' /proc/self/mounts | cut -d' ' -f4 > $out/usr-opts
"#;

#[test]
fn dependent_build_sees_only_its_inputs() {
    if !sandbox_available() {
        return;
    }
    let s = Scratch::new("deps");
    let store = s.store();
    let mut drvs = DrvStore::default();
    let (dep_drv, dep_outs) = add_drv(
        &store,
        &mut drvs,
        Drv {
            name: "dep",
            script: "echo from-dep > $out",
            ..Default::default()
        },
    );
    // Another valid store path that is no input of the probe.
    let other = store
        .dir()
        .make_text_path("other", b"secret", &BTreeSet::new())
        .unwrap();
    store.add_text(&other, b"secret", &BTreeSet::new()).unwrap();
    let dep_out = dep_outs["out"].clone();
    let env = [("dep", dep_out.as_str()), ("other", other.as_str())];
    let (_, outs) = add_drv(
        &store,
        &mut drvs,
        Drv {
            name: "probe",
            script: PROBE,
            env: &env,
            input_drvs: &[(&dep_drv, &["out"])],
            ..Default::default()
        },
    );
    let out = outs["out"].clone();
    let report = realise(
        &store,
        &drvs,
        &no_texts(),
        &no_sources(),
        std::slice::from_ref(&out),
        &opts(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.built.len(), 2);
    assert_eq!(report.built[0], dep_drv, "inputs are built first");
    let read = |f: &str| fs::read_to_string(format!("{out}/{f}")).unwrap();
    assert_eq!(read("dep-contents"), "from-dep\n");
    assert_eq!(read("other"), "hidden\n");
    let proc_net: Vec<String> = read("proc-net").lines().map(String::from).collect();
    assert_eq!(proc_net, ["lo"], "only the loopback interface");
    assert_eq!(read("dns"), "failed\n");
    assert!(read("localhost").contains("localhost"));
    let pid: u32 = read("pid").trim().parse().unwrap();
    assert!(
        pid < 10,
        "builder pid {pid} is not from a fresh pid namespace"
    );
    let env: BTreeSet<String> = read("env").lines().map(String::from).collect();
    for var in [
        "HOME",
        "PATH",
        "NIX_BUILD_TOP",
        "TMPDIR",
        "NIX_STORE",
        "out",
        "dep",
    ] {
        assert!(env.contains(var), "{var} missing from {env:?}");
    }
    for var in [
        "USER",
        "CARGO",
        "RUST_TEST_THREADS",
        "CARGO_MANIFEST_DIR",
        "SSH_AUTH_SOCK",
    ] {
        assert!(!env.contains(var), "{var} leaked into the sandbox");
    }
    // As root, the build user; otherwise root of a user namespace.
    let uid = if common::euid() == 0 {
        "30001\n"
    } else {
        "0\n"
    };
    assert_eq!(read("uid"), uid);
    assert_eq!(read("pwd"), "/build\n");
    assert_eq!(read("hostname"), "localhost\n");
    assert_eq!(read("usr"), "ro\n");
    assert_eq!(read("dep-w"), "ro\n");
    // stdin, stdout, stderr, and the directory `ls` reads: nothing leaks.
    assert_eq!(read("fds"), "4\n");
    let usr_opts = read("usr-opts");
    assert!(
        usr_opts.starts_with("ro,") && usr_opts.contains("nosuid"),
        "{usr_opts}"
    );
    // The store holds the input and the output being built, nothing else.
    let listed: Vec<String> = read("store").lines().map(String::from).collect();
    let base = |p: &str| p.rsplit('/').next().unwrap().to_string();
    assert_eq!(listed, {
        let mut v = vec![base(&dep_out), base(&out)];
        v.sort();
        v
    });
    // The reference to the input was found (the store listing names it, and
    // the output itself); the unreferenced text was not.
    assert_eq!(
        store.references(&out),
        BTreeSet::from([dep_out.clone(), out.clone()])
    );
}

#[test]
fn environment_matches_nix() {
    if !sandbox_available() {
        return;
    }
    let s = Scratch::new("env");
    let store = s.store();
    let mut drvs = DrvStore::default();
    let (_, outs) = add_drv(
        &store,
        &mut drvs,
        Drv {
            name: "env",
            script: "env | sort > $out",
            env: &[("PATH", "/usr/bin:/bin"), ("HOME", "ignored-by-nix?")],
            ..Default::default()
        },
    );
    let out = outs["out"].clone();
    realise(
        &store,
        &drvs,
        &no_texts(),
        &no_sources(),
        std::slice::from_ref(&out),
        &opts(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let text = fs::read_to_string(&out).unwrap();
    let env: BTreeMap<&str, &str> = text.lines().filter_map(|l| l.split_once('=')).collect();
    let sd = store.dir().as_str();
    for (k, v) in [
        ("NIX_BUILD_TOP", "/build"),
        ("TMPDIR", "/build"),
        ("TEMPDIR", "/build"),
        ("TMP", "/build"),
        ("TEMP", "/build"),
        ("PWD", "/build"),
        ("NIX_STORE", sd),
        ("NIX_BUILD_CORES", "1"),
        ("NIX_LOG_FD", "2"),
        ("TERM", "xterm-256color"),
        ("name", "env"),
        ("system", "x86_64-linux"),
        ("builder", "/bin/sh"),
        // The derivation's own attributes override Nix's defaults.
        ("HOME", "ignored-by-nix?"),
        ("out", out.as_str()),
    ] {
        assert_eq!(env.get(k).copied(), Some(v), "{k}");
    }
}

#[test]
fn pass_as_file_and_multiple_outputs() {
    if !sandbox_available() {
        return;
    }
    let s = Scratch::new("paf");
    let store = s.store();
    let mut drvs = DrvStore::default();
    let script = r#"
mkdir $out
cp "$bigPath" $out/big
echo "${big:-unset}" > $out/big-var
echo "$bigPath" > $out/big-path
echo dev-stuff > $dev
echo "$out" > $out/self
"#;
    let (drv, outs) = add_drv(
        &store,
        &mut drvs,
        Drv {
            name: "multi",
            script,
            env: &[("big", "line one\nline two\n"), ("passAsFile", "big")],
            outputs: &["out", "dev"],
            ..Default::default()
        },
    );
    assert!(outs["dev"].ends_with("-multi-dev"));
    let targets = vec![outs["out"].clone(), outs["dev"].clone()];
    let report = realise(&store, &drvs, &no_texts(), &no_sources(), &targets, &opts())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.built, vec![drv]);
    let out = &outs["out"];
    assert_eq!(
        fs::read_to_string(format!("{out}/big")).unwrap(),
        "line one\nline two\n"
    );
    assert_eq!(
        fs::read_to_string(format!("{out}/big-var")).unwrap(),
        "unset\n"
    );
    // Nix 2.8: /build/.attr-<nix32 of sha256("big")>; the name below is the
    // one Nix 2.8's own sandbox gave `bigPath` for this attribute.
    assert_eq!(
        fs::read_to_string(format!("{out}/big-path")).unwrap(),
        "/build/.attr-1lak0mvllw8rv9i9ygkglvhqsq19qi9ynl4bi7gbf69ab5nzw89a\n"
    );
    assert_eq!(fs::read_to_string(&outs["dev"]).unwrap(), "dev-stuff\n");
    assert_eq!(fs::metadata(out).unwrap().mode() & 0o7777, 0o555);
    // `out` refers to itself; `dev` to nothing.
    assert_eq!(store.references(out), BTreeSet::from([out.clone()]));
    assert!(store.references(&outs["dev"]).is_empty());
}

#[test]
fn failing_builder_reports_log_tail_and_leaves_nothing() {
    if !sandbox_available() {
        return;
    }
    let s = Scratch::new("fail");
    let store = s.store();
    let mut drvs = DrvStore::default();
    let (drv, outs) = add_drv(
        &store,
        &mut drvs,
        Drv {
            name: "fail",
            script: "for i in $(seq 1 40); do echo line $i; done; echo partial > $out; echo oops >&2; exit 3",
            ..Default::default()
        },
    );
    let out = outs["out"].clone();
    let err = realise(
        &store,
        &drvs,
        &no_texts(),
        &no_sources(),
        std::slice::from_ref(&out),
        &opts(),
    )
    .unwrap_err();
    let BuildError::BuilderFailed { code, log_tail, .. } = &err else {
        panic!("unexpected error {err}");
    };
    assert_eq!(*code, 3);
    assert_eq!(log_tail.len(), 25);
    assert_eq!(log_tail.last().unwrap(), "oops");
    assert_eq!(log_tail[0], "line 17");
    let text = err.to_string();
    assert!(
        text.starts_with(&format!(
            "builder for '{drv}' failed with exit code 3; last 25 log lines:"
        )),
        "{text}"
    );
    assert!(
        text.contains(&store.log_path(&drv).display().to_string()),
        "{text}"
    );
    assert!(!store.is_valid(&out));
    assert!(tmp_is_empty(&store));
    assert!(
        fs::read_to_string(store.log_path(&drv))
            .unwrap()
            .contains("line 1\n")
    );

    // With keep_failed the build directory stays, and the error says where.
    let mut o = opts();
    o.keep_failed = true;
    let err = realise(
        &store,
        &drvs,
        &no_texts(),
        &no_sources(),
        std::slice::from_ref(&out),
        &o,
    )
    .unwrap_err();
    let BuildError::BuilderFailed {
        kept: Some(kept), ..
    } = &err
    else {
        panic!("unexpected error {err}");
    };
    assert!(kept.join("root/build").is_dir());
    assert!(err.to_string().contains("was kept at"));
    // GC leaves kept build directories alone.
    store.gc(false).unwrap();
    assert!(kept.is_dir());
    assert!(!store.is_valid(&out));
}

#[test]
fn builder_without_output_fails_clearly() {
    if !sandbox_available() {
        return;
    }
    let s = Scratch::new("noout");
    let store = s.store();
    let mut drvs = DrvStore::default();
    let (drv, outs) = add_drv(
        &store,
        &mut drvs,
        Drv {
            name: "noout",
            script: "echo nothing; echo dev > $dev",
            outputs: &["out", "dev"],
            ..Default::default()
        },
    );
    let err = realise(
        &store,
        &drvs,
        &no_texts(),
        &no_sources(),
        &[outs["dev"].clone()],
        &opts(),
    )
    .unwrap_err();
    assert!(
        matches!(&err, BuildError::MissingOutput { output, .. } if output == "out"),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "builder for '{drv}' failed to produce output 'out' (path '{}')",
            outs["out"]
        )
    );
    assert!(!store.is_valid(&outs["out"]) && !store.is_valid(&outs["dev"]));
    assert!(tmp_is_empty(&store));

    // A builder that cannot be executed.
    let mut drvs = DrvStore::default();
    let mut input = sysnix_store::derivation::DrvInput {
        name: "nobuilder".into(),
        system: "x86_64-linux".into(),
        builder: "/no/such/builder".into(),
        outputs: vec!["out".into()],
        ..Default::default()
    };
    input.env.insert("builder".into(), input.builder.clone());
    let (_, outs) = drvs.add(store.dir(), input).unwrap();
    let err = realise(
        &store,
        &drvs,
        &no_texts(),
        &no_sources(),
        &[outs["out"].clone()],
        &opts(),
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("failed with exit code 127"), "{text}");
    assert!(text.contains("/no/such/builder"), "{text}");
}

#[test]
fn texts_and_sources_are_realised_as_inputs() {
    if !sandbox_available() {
        return;
    }
    let s = Scratch::new("inputs");
    let store = s.store();
    let mut drvs = DrvStore::default();
    // A source tree with a filter, and a text referring to nothing.
    let local = s.path().join("src");
    fs::create_dir_all(&local).unwrap();
    fs::write(local.join("keep"), "kept").unwrap();
    fs::write(local.join("drop"), "dropped").unwrap();
    let included: BTreeSet<PathBuf> = [local.join("keep")].into_iter().collect();
    let src_path = store
        .dir()
        .store_path_for_local_path_filtered("src", &local, |p, _| included.contains(p))
        .unwrap();
    let sources = BTreeMap::from([(
        src_path.clone(),
        SourceSpec {
            local: local.clone(),
            recursive: true,
            included: Some(included),
        },
    )]);
    let script_text = "cat $src/keep > $out; test -e $src/drop && echo BAD >> $out; true";
    let text_path = store
        .dir()
        .make_text_path("script", script_text.as_bytes(), &BTreeSet::new())
        .unwrap();
    drvs.add_references(text_path.clone(), BTreeSet::new());
    let texts = BTreeMap::from([(text_path.clone(), script_text.to_string())]);
    let env = [("src", src_path.as_str()), ("script", text_path.as_str())];
    let (_, outs) = add_drv(
        &store,
        &mut drvs,
        Drv {
            name: "uses-inputs",
            script: ". $script",
            env: &env,
            input_srcs: &[&src_path, &text_path],
            ..Default::default()
        },
    );
    let out = outs["out"].clone();
    let report = realise(
        &store,
        &drvs,
        &texts,
        &sources,
        std::slice::from_ref(&out),
        &opts(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(report.realised.contains(&src_path) && report.realised.contains(&text_path));
    assert_eq!(fs::read_to_string(&out).unwrap(), "kept");

    // A source whose local path is gone is reported by its local path.
    let s2 = Scratch::new("inputs2");
    let store2 = s2.store();
    let mut sources2 = sources.clone();
    let missing = s2.path().join("gone");
    let p = store2
        .dir()
        .make_text_path("x", b"x", &BTreeSet::new())
        .unwrap();
    sources2.insert(
        p.clone(),
        SourceSpec {
            local: missing.clone(),
            recursive: true,
            included: None,
        },
    );
    let err = realise(&store2, &drvs, &texts, &sources2, &[p], &opts()).unwrap_err();
    assert!(matches!(err, BuildError::MissingSource { .. }), "{err}");
    assert!(err.to_string().contains(&missing.display().to_string()));
    let unknown = format!(
        "{}/00000000000000000000000000000000-unknown",
        store2.dir().as_str()
    );
    let err = realise(&store2, &drvs, &texts, &sources2, &[unknown], &opts()).unwrap_err();
    assert!(matches!(err, BuildError::UnknownPath { .. }), "{err}");
}

#[test]
fn builtin_builders_run_in_process() {
    let s = Scratch::new("builtin");
    let store = s.store();
    let mut drvs = DrvStore::default();
    let mut input = sysnix_store::derivation::DrvInput {
        name: "host-pkg".into(),
        system: "x86_64-linux".into(),
        builder: "builtin:test-writer".into(),
        outputs: vec!["out".into()],
        ..Default::default()
    };
    input.env.insert("builder".into(), input.builder.clone());
    input.env.insert("message".into(), "from builtin".into());
    let (_, outs) = drvs.add(store.dir(), input).unwrap();
    let mut o = opts();
    o.builtin_builders.insert(
        "builtin:test-writer".into(),
        Arc::new(|drv, outs| {
            let dir = &outs["out"];
            fs::create_dir(dir).map_err(|e| e.to_string())?;
            fs::write(dir.join("msg"), &drv.env["message"]).map_err(|e| e.to_string())
        }),
    );
    let out = outs["out"].clone();
    realise(
        &store,
        &drvs,
        &no_texts(),
        &no_sources(),
        std::slice::from_ref(&out),
        &o,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        fs::read_to_string(Path::new(&out).join("msg")).unwrap(),
        "from builtin"
    );
    assert_eq!(fs::metadata(&out).unwrap().mode() & 0o777, 0o555);

    // An unregistered builtin is an error, not a panic.
    let err = realise(
        &store,
        &drvs,
        &no_texts(),
        &no_sources(),
        std::slice::from_ref(&out),
        &opts(),
    );
    assert!(err.is_ok(), "valid outputs are not rebuilt");
    store.gc(false).unwrap();
    let err = realise(&store, &drvs, &no_texts(), &no_sources(), &[out], &opts()).unwrap_err();
    assert!(
        err.to_string().contains("unsupported builtin builder"),
        "{err}"
    );
}

#[test]
fn parallel_builds_and_gc_of_build_results() {
    if !sandbox_available() {
        return;
    }
    let s = Scratch::new("parallel");
    let store = s.store();
    let mut drvs = DrvStore::default();
    let mut leaves = Vec::new();
    for i in 0..4 {
        let name = format!("leaf{i}");
        let (d, o) = add_drv(
            &store,
            &mut drvs,
            Drv {
                name: &name,
                script: "sleep 0.2; echo leaf > $out",
                ..Default::default()
            },
        );
        leaves.push((d, o["out"].clone()));
    }
    let inputs: Vec<(&str, &[&str])> = leaves
        .iter()
        .map(|(d, _)| (d.as_str(), &["out"][..]))
        .collect();
    let script = "cat $leaf0 $leaf1 $leaf2 $leaf3 > $out; echo $leaf0 >> $out";
    let env: Vec<(String, String)> = leaves
        .iter()
        .enumerate()
        .map(|(i, (_, o))| (format!("leaf{i}"), o.clone()))
        .collect();
    let env_refs: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (_, outs) = add_drv(
        &store,
        &mut drvs,
        Drv {
            name: "top",
            script,
            env: &env_refs,
            input_drvs: &inputs,
            ..Default::default()
        },
    );
    let top = outs["out"].clone();
    let mut o = opts();
    o.max_jobs = 4;
    let report = realise(
        &store,
        &drvs,
        &no_texts(),
        &no_sources(),
        std::slice::from_ref(&top),
        &o,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.built.len(), 5);
    assert_eq!(fs::read_to_string(&top).unwrap().lines().count(), 5);
    // Only leaf0's path appears in the output.
    assert_eq!(
        store.references(&top),
        BTreeSet::from([leaves[0].1.clone()])
    );

    // Rooting the result keeps it and leaf0, nothing else.
    store.add_root("top", &top).unwrap();
    let report = store.gc(false).unwrap();
    assert!(store.is_valid(&top) && store.is_valid(&leaves[0].1));
    for (d, o) in &leaves[1..] {
        assert!(!store.is_valid(o) && !store.is_valid(d));
    }
    assert_eq!(report.kept, 2);
}

#[test]
fn fixed_output_hash_is_checked() {
    if !sandbox_available() {
        return;
    }
    use sysnix_store::hash::{Hash, HashAlgo};
    use sysnix_store::path::FileIngestion;
    let s = Scratch::new("fixed");
    let store = s.store();
    let mut drvs = DrvStore::default();
    let fod = |drvs: &mut DrvStore, name: &str, claimed: &[u8], method: FileIngestion| {
        let mut input = sysnix_store::derivation::DrvInput {
            name: name.into(),
            system: "x86_64-linux".into(),
            builder: "/bin/sh".into(),
            args: vec!["-c".into(), "printf hello > $out".into()],
            outputs: vec!["out".into()],
            fixed_output: Some((Hash::of(HashAlgo::Sha256, claimed), method)),
            ..Default::default()
        };
        input.env.insert("builder".into(), "/bin/sh".into());
        input.env.insert("name".into(), name.into());
        drvs.add(store.dir(), input).unwrap()
    };
    let (_, good) = fod(&mut drvs, "good", b"hello", FileIngestion::Flat);
    realise(
        &store,
        &drvs,
        &no_texts(),
        &no_sources(),
        &[good["out"].clone()],
        &opts(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fs::read_to_string(&good["out"]).unwrap(), "hello");

    let (drv, bad) = fod(&mut drvs, "bad", b"something else", FileIngestion::Flat);
    let err = realise(
        &store,
        &drvs,
        &no_texts(),
        &no_sources(),
        &[bad["out"].clone()],
        &opts(),
    )
    .unwrap_err();
    assert!(matches!(err, BuildError::HashMismatch { .. }), "{err}");
    let text = err.to_string();
    assert!(text.starts_with(&format!("hash mismatch in fixed-output derivation '{drv}'")));
    assert!(
        text.contains("sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="),
        "{text}"
    );
    assert!(!store.is_valid(&bad["out"]));
    assert!(tmp_is_empty(&store));
}

#[test]
fn builder_can_be_a_store_path_in_the_inputs() {
    if !sandbox_available() {
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new("storebuilder");
    let store = s.store();
    let local = s.path().join("tools");
    fs::create_dir_all(&local).unwrap();
    let script = local.join("build.sh");
    fs::write(&script, "#!/bin/sh\necho \"built by $0 with $1\" > $out\n").unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    let tools = store
        .dir()
        .store_path_for_local_path("tools", &local)
        .unwrap();
    let sources = BTreeMap::from([(
        tools.clone(),
        SourceSpec {
            local,
            recursive: true,
            included: None,
        },
    )]);
    let builder = format!("{tools}/build.sh");
    let mut drvs = DrvStore::default();
    let mut input = sysnix_store::derivation::DrvInput {
        name: "by-store-builder".into(),
        system: "x86_64-linux".into(),
        builder: builder.clone(),
        args: vec!["arg1".into()],
        outputs: vec!["out".into()],
        input_srcs: BTreeSet::from([tools.clone()]),
        ..Default::default()
    };
    input.env.insert("builder".into(), builder.clone());
    let (_, outs) = drvs.add(store.dir(), input).unwrap();
    let out = outs["out"].clone();
    realise(
        &store,
        &drvs,
        &no_texts(),
        &sources,
        std::slice::from_ref(&out),
        &opts(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        fs::read_to_string(&out).unwrap(),
        format!("built by {builder} with arg1\n")
    );
    assert_eq!(store.references(&out), BTreeSet::from([tools]));
}
