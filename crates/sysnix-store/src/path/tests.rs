use super::*;
use crate::testutil::{TempDir, sample_tree};

fn refs(paths: &[&str]) -> BTreeSet<String> {
    paths.iter().map(|p| p.to_string()).collect()
}

fn sha256(hex: &str) -> Hash {
    Hash::parse(hex, Some(HashAlgo::Sha256)).unwrap()
}

#[test]
fn store_dir_normalises() {
    assert_eq!(StoreDir::default().as_str(), "/nix/store");
    assert_eq!(StoreDir::new("/tmp/s//").as_str(), "/tmp/s");
}

#[test]
fn text_paths_match_nix() {
    let store = StoreDir::default();
    let none = BTreeSet::new();
    let cases = [
        // builtins.toFile "x" ""
        ("x", "", "/nix/store/gakslir528a29f7ppaf28ip8rdwqcnss-x"),
        // builtins.toFile "x" "hello\n"
        (
            "x",
            "hello\n",
            "/nix/store/rqg5w7rhsv8yqgywwssnamlvg3c7qmrn-x",
        ),
        // builtins.toFile "script.sh" "echo hello"
        (
            "script.sh",
            "echo hello",
            "/nix/store/kam8p05nargap2vp1nw04m6km1bdm3mz-script.sh",
        ),
        // builtins.toFile ".ab" "x"
        (
            ".ab",
            "x",
            "/nix/store/awxdfv8gpbniada9qn5l6lv2gwphgxv8-.ab",
        ),
        // builtins.toFile "aZ09+-._?=" "x"
        (
            "aZ09+-._?=",
            "x",
            "/nix/store/49938pqa4wl9vi9l3v4558w7ifwsk57z-aZ09+-._?=",
        ),
    ];
    for (name, contents, want) in cases {
        assert_eq!(
            store
                .make_text_path(name, contents.as_bytes(), &none)
                .as_deref(),
            Ok(want)
        );
    }
    // NIX_STORE_DIR=/tmp/s nix-instantiate --eval -E 'builtins.toFile "script.sh" "echo hello"'
    assert_eq!(
        StoreDir::new("/tmp/s")
            .make_text_path("script.sh", b"echo hello", &none)
            .as_deref(),
        Ok("/tmp/s/zcjad1462bbfnnfwz8j62cg49qs1mkz6-script.sh")
    );
}

#[test]
fn text_path_with_references() {
    // let file = builtins.toFile "script.sh" "echo hello";
    // in builtins.toFile "ref" "${file}"
    let file = "/nix/store/kam8p05nargap2vp1nw04m6km1bdm3mz-script.sh";
    let got = StoreDir::default().make_text_path("ref", file.as_bytes(), &refs(&[file]));
    assert_eq!(
        got.as_deref(),
        Ok("/nix/store/pmhrwl59ksl9hq4n99nd89bdgzafnmfs-ref")
    );
    // let a = builtins.toFile "a" "x";
    // in builtins.toFile "b" "${a} ${builtins.toFile "c" "y"}"
    let store = StoreDir::default();
    let none = BTreeSet::new();
    let a = store.make_text_path("a", b"x", &none).unwrap();
    let c = store.make_text_path("c", b"y", &none).unwrap();
    let b = store.make_text_path("b", format!("{a} {c}").as_bytes(), &refs(&[&c, &a]));
    assert_eq!(
        b.as_deref(),
        Ok("/nix/store/rxsvs3p7b7n2fjknrck9sbrv11qy8zki-b")
    );
}

#[test]
fn bad_names_give_nix_errors() {
    let store = StoreDir::default();
    let none = BTreeSet::new();
    // builtins.toFile "a b" "x"
    assert_eq!(
        store.make_text_path("a b", b"x", &none),
        Err(
            "store path 'dm85kbl5cy82j2dzvy1874s14y3salv3-a b' contains illegal character ' '"
                .into()
        )
    );
    // builtins.toFile "" "x"
    assert_eq!(
        store.make_text_path("", b"x", &none),
        Err("store path '9r1mh2rc3s3i33vpdw86kqqyvy9i1y4w-' has an empty name".into())
    );
    // builtins.toFile "<212 times a>" "x"
    let long = "a".repeat(212);
    assert_eq!(
        store.make_text_path(&long, b"x", &none),
        Err(format!(
            "store path 'sk7z62nqxdj2sb8x397my8i4803lhvai-{long}' has a name longer than 211 characters"
        ))
    );
    // builtins.toFile "<211 times a>" "x"
    let ok = "a".repeat(211);
    assert_eq!(
        store.make_text_path(&ok, b"x", &none),
        Ok(format!("/nix/store/yx91frwj9qkga75f8habg8q40arnqila-{ok}"))
    );
}

#[test]
fn fixed_output_paths_match_nix() {
    let store = StoreDir::default();
    let none = BTreeSet::new();
    let zero256 = Hash::zero(HashAlgo::Sha256);
    let empty256 = sha256("0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73");
    let cases = [
        // (derivation { name = "f"; builder = "b"; system = "s";
        //   outputHash = "<64 zeros>"; outputHashAlgo = "sha256"; }).outPath
        (
            FileIngestion::Flat,
            zero256.clone(),
            "/nix/store/zpncywkm9d9isz2ld7nirj16v8ads0a2-f",
        ),
        // … the same with outputHashMode = "recursive";
        (
            FileIngestion::Recursive,
            zero256,
            "/nix/store/23qvwckf0gjik4ws6ybmq4hjk0z6c3zc-f",
        ),
        // outputHash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
        (
            FileIngestion::Flat,
            empty256.clone(),
            "/nix/store/i8yf3p9li8bd9rwjsr5nkg63lxs367am-f",
        ),
        // outputHash = "0mdq…c73"; outputHashAlgo = "sha256"; outputHashMode = "recursive";
        (
            FileIngestion::Recursive,
            empty256,
            "/nix/store/f66gffbbljx7hpk8xw2f4ylk355g52as-f",
        ),
        // outputHash = "<40 zeros>"; outputHashAlgo = "sha1"; outputHashMode = "recursive";
        (
            FileIngestion::Recursive,
            Hash::zero(HashAlgo::Sha1),
            "/nix/store/wgwfp5mx4bhivincp1z689i99gra9w68-f",
        ),
        // outputHash = "sha1-AAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        (
            FileIngestion::Flat,
            Hash::zero(HashAlgo::Sha1),
            "/nix/store/03cv2kkw45y1vrvwj2sz7glkswz4s474-f",
        ),
        // outputHash = "<32 zeros>"; outputHashAlgo = "md5";
        (
            FileIngestion::Flat,
            Hash::zero(HashAlgo::Md5),
            "/nix/store/7yq97jrxn7g9r4gcsbpbq95pbag4vy58-f",
        ),
        // outputHash = "<128 zeros>"; outputHashAlgo = "sha512";
        (
            FileIngestion::Flat,
            Hash::zero(HashAlgo::Sha512),
            "/nix/store/dnxb87wxn4rjc0jahkzrj3lisq05qh32-f",
        ),
    ];
    for (method, hash, want) in cases {
        assert_eq!(
            store
                .make_fixed_output_path(method, &hash, "f", &none)
                .as_deref(),
            Ok(want),
            "{method:?} {hash:?}"
        );
    }
    let r = refs(&["/nix/store/kam8p05nargap2vp1nw04m6km1bdm3mz-script.sh"]);
    assert!(
        store
            .make_fixed_output_path(FileIngestion::Flat, &Hash::zero(HashAlgo::Sha256), "f", &r)
            .is_err()
    );
}

#[test]
fn local_paths_match_nix() {
    let dir = TempDir::new();
    let root = sample_tree(dir.path());
    let single = dir.path().join("single");
    std::fs::write(&single, "hello\n").unwrap();
    let store = StoreDir::default();
    // "${./root}"
    assert_eq!(
        store.store_path_for_local_path("root", &root).unwrap(),
        "/nix/store/3yw2kmk1f92sd6vya8rqmwbj4a90b1cb-root"
    );
    // "${./single}"
    assert_eq!(
        store.store_path_for_local_path("single", &single).unwrap(),
        "/nix/store/mb9jrvw3h6c41pgwgs5f3ppqiijk7n5r-single"
    );
    // builtins.path { path = ./root; filter = p: t: baseNameOf p != "exec.sh"; }
    let no_exec = |p: &Path, _: FileKind| p.file_name().is_none_or(|n| n != "exec.sh");
    assert_eq!(
        store
            .store_path_for_local_path_filtered("root", &root, no_exec)
            .unwrap(),
        "/nix/store/bgwrkirfzwrzkalvdpaa7va7mak7mkqb-root"
    );
    // builtins.path { path = ./root; name = "foo"; filter = p: t: t != "symlink"; }
    assert_eq!(
        store
            .store_path_for_local_path_filtered("foo", &root, |_, k| k != FileKind::Symlink)
            .unwrap(),
        "/nix/store/12h94jf45vk9nh511lz5gjj8jnya5l8p-foo"
    );
    // builtins.filterSource (p: t: t == "directory") ./root
    assert_eq!(
        store
            .store_path_for_local_path_filtered("root", &root, |_, k| k == FileKind::Directory)
            .unwrap(),
        "/nix/store/n7ykdx8zgdp54326r4aymy9c7zs54g58-root"
    );
    // builtins.filterSource (p: t: false) ./root, equal to an empty directory.
    assert_eq!(
        store
            .store_path_for_local_path_filtered("root", &root, |_, _| false)
            .unwrap(),
        "/nix/store/1v3mvvbhqcvmg4na5a6l143fxis5cxa7-root"
    );
    // builtins.path { path = ./single; recursive = false; }, with
    // builtins.hashFile "sha256" ./single as the flat hash.
    let flat = Hash::of(HashAlgo::Sha256, b"hello\n");
    assert_eq!(
        flat.to_hex(),
        "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"
    );
    assert_eq!(
        store.make_fixed_output_path(FileIngestion::Flat, &flat, "single", &BTreeSet::new()),
        Ok("/nix/store/xd4x5ywxknccsp0gi8xrs87n1vn6r451-single".to_string())
    );
    let err = store.store_path_for_local_path("a b", &single).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
}

#[test]
fn store_path_parts() {
    let store = StoreDir::default();
    let p = "/nix/store/5wq5jx7219pmi3xklyhl77fjbqvy6qaj-x.drv";
    assert!(store.is_in_store(p));
    assert!(store.is_in_store("/nix/store/x"));
    assert!(!store.is_in_store("/nix/store/"));
    assert!(!store.is_in_store("/nix/store"));
    assert!(!store.is_in_store("/nix/storex/a"));
    assert_eq!(store.to_store_path(&format!("{p}/bin/sh")), Ok(p));
    assert_eq!(store.to_store_path(p), Ok(p));
    assert_eq!(store.split_store_path(&format!("{p}/a")), Ok((p, "/a")));
    assert_eq!(store.parse_store_path(p), Ok(p));
    assert!(store.parse_store_path(&format!("{p}/a")).is_err());
    assert_eq!(store.store_path_name(p), Ok("x.drv"));
    assert_eq!(
        store.store_path_hash_part(p),
        Ok("5wq5jx7219pmi3xklyhl77fjbqvy6qaj")
    );
    assert_eq!(
        store.to_store_path("/usr/bin"),
        Err("path '/usr/bin' is not in the Nix store".to_string())
    );
    assert_eq!(
        store.to_store_path("/nix/store/abc/def"),
        Err("'abc' is too short to be a valid store path".to_string())
    );
    assert!(
        store
            .to_store_path("/nix/store/ééééééééééééééééééééééééé-x")
            .is_err()
    );
    assert!(is_derivation(p));
    assert!(!is_derivation(
        "/nix/store/5wq5jx7219pmi3xklyhl77fjbqvy6qaj-x"
    ));
    assert_eq!(output_path_name("x", "out"), "x");
    assert_eq!(output_path_name("x", "dev"), "x-dev");
}

#[test]
fn compress_folds_by_xor() {
    assert_eq!(compress(&[1, 2, 3, 4, 5], 2), vec![1 ^ 3 ^ 5, 2 ^ 4]);
    assert_eq!(compress(&[1, 2], 0), Vec::<u8>::new());
}
