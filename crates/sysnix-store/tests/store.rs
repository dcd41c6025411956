//! The on-disk store: adding texts and sources, references, roots, GC.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};

use common::Scratch;
use sysnix_store::hash::{Hash, HashAlgo};
use sysnix_store::path::FileIngestion;

fn mode(p: &str) -> u32 {
    fs::symlink_metadata(p).unwrap().mode() & 0o7777
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn opening_creates_the_layout() {
    let s = Scratch::new("layout");
    let store = s.store();
    let state = s.path().join("store/.sysnix");
    for d in ["refs", "logs", "gcroots", "tmp"] {
        assert!(state.join(d).is_dir(), "{d}");
    }
    assert_eq!(
        fs::metadata(s.path().join("store")).unwrap().mode() & 0o777,
        0o755
    );
    assert_eq!(
        store.dir().as_str(),
        s.path().join("store").to_str().unwrap()
    );
    // Opening again is fine.
    s.store();
}

#[test]
fn text_file_lands_read_only_and_second_add_is_a_noop() {
    let s = Scratch::new("text");
    let store = s.store();
    let path = store
        .dir()
        .make_text_path("hello.txt", b"hello\n", &BTreeSet::new())
        .unwrap();
    assert!(!store.is_valid(&path));
    store.add_text(&path, b"hello\n", &BTreeSet::new()).unwrap();
    assert!(store.is_valid(&path));
    assert_eq!(fs::read(&path).unwrap(), b"hello\n");
    assert_eq!(mode(&path), 0o444);
    assert_eq!(fs::metadata(&path).unwrap().mtime(), 1);
    let ino = fs::metadata(&path).unwrap().ino();
    store.add_text(&path, b"hello\n", &BTreeSet::new()).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().ino(), ino);

    // A text referring to the first.
    let refs = set(&[&path]);
    let contents = format!("see {path}\n");
    let p2 = store
        .dir()
        .make_text_path("ref.txt", contents.as_bytes(), &refs)
        .unwrap();
    store.add_text(&p2, contents.as_bytes(), &refs).unwrap();
    assert_eq!(store.references(&p2), refs);
    assert_eq!(store.closure([p2.as_str()]), set(&[&path, &p2]));

    // Contents that do not give the path are refused, and nothing is left.
    let err = store.add_text(&p2, b"other", &refs).unwrap_err();
    assert!(err.to_string().contains("does not match"), "{err}");
    let bogus = format!(
        "{}/00000000000000000000000000000000-x",
        store.dir().as_str()
    );
    assert!(store.add_text(&bogus, b"x", &BTreeSet::new()).is_err());
    assert!(!store.is_valid(&bogus));
    assert_eq!(
        fs::read_dir(store.state_dir().join("tmp")).unwrap().count(),
        0
    );
}

/// A tree with an executable, a plain file, a symlink and a subdirectory.
fn sample_tree(dir: &Path) -> PathBuf {
    let root = dir.join("src");
    fs::create_dir_all(root.join("sub/deeper")).unwrap();
    fs::write(root.join("a.txt"), "hello\n").unwrap();
    fs::write(root.join("run.sh"), "#!/bin/sh\necho hi\n").unwrap();
    fs::set_permissions(root.join("run.sh"), fs::Permissions::from_mode(0o755)).unwrap();
    fs::write(root.join("sub/deeper/z"), "zzz").unwrap();
    fs::write(root.join("sub/skip.me"), "no").unwrap();
    symlink("../a.txt", root.join("sub/link")).unwrap();
    root
}

#[test]
fn source_tree_is_copied_canonically() {
    let s = Scratch::new("source");
    let store = s.store();
    let src = sample_tree(s.path());
    let path = store.dir().store_path_for_local_path("src", &src).unwrap();
    store.add_source(&path, &src, None, true).unwrap();
    assert!(store.is_valid(&path));
    assert_eq!(mode(&path), 0o555);
    assert_eq!(mode(&format!("{path}/sub")), 0o555);
    assert_eq!(mode(&format!("{path}/a.txt")), 0o444);
    assert_eq!(mode(&format!("{path}/run.sh")), 0o555);
    assert_eq!(fs::read(format!("{path}/sub/deeper/z")).unwrap(), b"zzz");
    assert_eq!(
        fs::read_link(format!("{path}/sub/link")).unwrap(),
        Path::new("../a.txt")
    );
    assert_eq!(
        fs::symlink_metadata(format!("{path}/a.txt"))
            .unwrap()
            .mtime(),
        1
    );
    // The copy has the NAR hash the path was computed from.
    assert_eq!(
        store
            .dir()
            .store_path_for_local_path("src", Path::new(&path))
            .unwrap(),
        path
    );
    assert!(store.references(&path).is_empty());
    // A second add is a no-op even when the local tree has changed since.
    fs::write(src.join("a.txt"), "changed").unwrap();
    store.add_source(&path, &src, None, true).unwrap();
    assert_eq!(fs::read(format!("{path}/a.txt")).unwrap(), b"hello\n");

    // ... but adding a changed tree at a new path computed before the
    // change is refused.
    let s2 = Scratch::new("source2");
    let store2 = s2.store();
    let src2 = sample_tree(s2.path());
    let p2 = store2
        .dir()
        .store_path_for_local_path("src", &src2)
        .unwrap();
    fs::write(src2.join("a.txt"), "changed").unwrap();
    let err = store2.add_source(&p2, &src2, None, true).unwrap_err();
    assert!(err.to_string().contains("did it change"), "{err}");
    assert!(!store2.is_valid(&p2));
}

#[test]
fn filtered_and_flat_sources() {
    let s = Scratch::new("filtered");
    let store = s.store();
    let src = sample_tree(s.path());
    let keep = |p: &Path| !p.to_string_lossy().ends_with(".me");
    let path = store
        .dir()
        .store_path_for_local_path_filtered("src", &src, |p, _| keep(p))
        .unwrap();
    store.add_source(&path, &src, Some(&keep), true).unwrap();
    assert!(Path::new(&format!("{path}/sub/deeper/z")).exists());
    assert!(!Path::new(&format!("{path}/sub/skip.me")).exists());

    let file = src.join("run.sh");
    let hash = Hash::of(HashAlgo::Sha256, &fs::read(&file).unwrap());
    let flat = store
        .dir()
        .make_fixed_output_path(FileIngestion::Flat, &hash, "run.sh", &BTreeSet::new())
        .unwrap();
    store.add_source(&flat, &file, None, false).unwrap();
    // Flat ingestion keeps only the bytes, as in Nix.
    assert_eq!(mode(&flat), 0o444);
    assert_eq!(fs::read(&flat).unwrap(), fs::read(&file).unwrap());
    // A directory cannot be added flat.
    assert!(
        store
            .add_source(&flat.replace("run.sh", "src"), &src, None, false)
            .is_err()
    );
}

#[test]
fn drv_files_are_written_with_their_references() {
    let s = Scratch::new("drv");
    let store = s.store();
    let mut drvs = sysnix_store::derivation::DrvStore::default();
    let src_path = store
        .dir()
        .make_text_path("input", b"in", &BTreeSet::new())
        .unwrap();
    store.add_text(&src_path, b"in", &BTreeSet::new()).unwrap();
    let (dep, _) = common::add_drv(&store, &mut drvs, common::Drv::default());
    let (top, _) = common::add_drv(
        &store,
        &mut drvs,
        common::Drv {
            name: "top",
            input_drvs: &[(&dep, &["out"])],
            input_srcs: &[&src_path],
            ..Default::default()
        },
    );
    store.write_drv(&dep, drvs.get(&dep).unwrap()).unwrap();
    store.write_drv(&top, drvs.get(&top).unwrap()).unwrap();
    assert_eq!(
        fs::read_to_string(&top).unwrap(),
        drvs.get(&top).unwrap().unparse()
    );
    assert_eq!(store.references(&top), set(&[&dep, &src_path]));
    // A derivation at the wrong path is refused.
    assert!(store.write_drv(&top, drvs.get(&dep).unwrap()).is_err());
}

#[test]
fn gc_deletes_unrooted_paths_and_keeps_rooted_closures() {
    let s = Scratch::new("gc");
    let store = s.store();
    let text = |name: &str, contents: &str, refs: &[&str]| {
        let refs = set(refs);
        let p = store
            .dir()
            .make_text_path(name, contents.as_bytes(), &refs)
            .unwrap();
        store.add_text(&p, contents.as_bytes(), &refs).unwrap();
        p
    };
    let a = text("a", "A", &[]);
    let b = text("b", &format!("B {a}"), &[&a]);
    let c = text("c", "C", &[]);
    let d = text("d", &format!("D {c}"), &[&c]);
    let src = sample_tree(s.path());
    let tree = store.dir().store_path_for_local_path("tree", &src).unwrap();
    store.add_source(&tree, &src, None, true).unwrap();

    store.add_root("system", &b).unwrap();
    let dry = store.gc(true).unwrap();
    assert_eq!(dry.deleted.len(), 3);
    assert!(store.is_valid(&c) && store.is_valid(&d) && store.is_valid(&tree));
    // d refers to c, so it goes first.
    let pos = |p: &str| dry.deleted.iter().position(|x| x == p).unwrap();
    assert!(pos(&d) < pos(&c));

    let report = store.gc(false).unwrap();
    assert_eq!(report.deleted, dry.deleted);
    assert_eq!(report.kept, 2);
    assert!(report.freed_bytes > 0);
    assert!(store.is_valid(&a) && store.is_valid(&b));
    for p in [&c, &d, &tree] {
        assert!(!store.is_valid(p), "{p} survived");
        assert!(store.references(p).is_empty());
    }
    assert_eq!(
        fs::read_dir(store.state_dir().join("tmp")).unwrap().count(),
        0
    );

    // An indirect root protects while its link exists.
    let c = text("c", "C", &[]);
    let link = s.path().join("result");
    store.add_root(&link, &c).unwrap();
    assert_eq!(fs::read_link(&link).unwrap(), Path::new(&c));
    assert!(store.gc(false).unwrap().deleted.is_empty());
    assert!(store.is_valid(&c));
    fs::remove_file(&link).unwrap();
    assert_eq!(store.gc(false).unwrap().deleted, vec![c.clone()]);
    assert!(!store.is_valid(&c));
    assert_eq!(
        fs::read_dir(store.state_dir().join("gcroots/auto"))
            .unwrap()
            .count(),
        0
    );

    // Replacing a direct root drops the old target's protection.
    store.add_root("system", &a).unwrap();
    assert_eq!(store.gc(false).unwrap().deleted, vec![b.clone()]);
    assert!(store.is_valid(&a));
    assert!(store.add_root("../escape", &a).is_err());
}

#[test]
fn gc_waits_for_holders_of_the_shared_lock() {
    let s = Scratch::new("gclock");
    let store = s.store();
    let p = store
        .dir()
        .make_text_path("unrooted", b"u", &BTreeSet::new())
        .unwrap();
    let lock = store.lock_shared().unwrap();
    store.add_text(&p, b"u", &BTreeSet::new()).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let store2 = store.clone();
    let gc = std::thread::spawn(move || {
        let report = store2.gc(false).unwrap();
        tx.send(()).unwrap();
        report
    });
    // While a build (or an addition) holds the lock, nothing is collected.
    assert!(
        rx.recv_timeout(std::time::Duration::from_millis(300))
            .is_err()
    );
    assert!(store.is_valid(&p));
    drop(lock);
    assert_eq!(gc.join().unwrap().deleted, vec![p.clone()]);
    assert!(!store.is_valid(&p));
}
