//! Derivations checked against Nix 2.8. The cases are those of
//! `tests/fixtures/cases.nix`; the expected paths come from
//!
//! ```sh
//! nix-instantiate --eval --strict -E 'let c = import ./cases.nix; in
//!   builtins.mapAttrs (n: d: { drv = d.drvPath;
//!     outs = map (o: d.${o}.outPath) (d.outputs or ["out"]); }) c'
//! ```
//!
//! (with `NIX_STORE_DIR=/tmp/s` for the other store directory), and the
//! `.drv` files beside `cases.nix` were written by `nix-instantiate` into a
//! scratch chroot store.

use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::hash::{Hash, HashAlgo};
use crate::path::{FileIngestion, StoreDir};

const EMPTY_SHA256_SRI: &str = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
const EMPTY_SHA256_NIX32: &str = "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73";

fn input(name: &str, extra: &[(&str, &str)]) -> DrvInput {
    let env: BTreeMap<String, String> = [("builder", "b"), ("name", name), ("system", "s")]
        .into_iter()
        .chain(extra.iter().copied())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let builder = env.get("builder").cloned().unwrap_or_default();
    DrvInput {
        name: name.into(),
        system: "s".into(),
        builder,
        env,
        outputs: vec!["out".into()],
        ..DrvInput::default()
    }
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Name of a case → (drv path, output paths in the user's order).
type Built = BTreeMap<&'static str, (String, Vec<String>)>;

/// Creates every case of `cases.nix` in a fresh [`DrvStore`].
fn build_all(store: &StoreDir) -> (DrvStore, Built) {
    let mut drvs = DrvStore::default();
    let mut built = Built::new();
    let mut add = |drvs: &mut DrvStore, key: &'static str, inp: DrvInput| {
        let order = inp.outputs.clone();
        let (drv_path, outs) = drvs.add(store, inp).unwrap();
        let outs = order.iter().map(|o| outs[o].clone()).collect();
        built.insert(key, (drv_path.clone(), outs));
        drv_path
    };
    let out_of =
        |drvs: &DrvStore, drv: &str, o: &str| drvs.get(drv).unwrap().outputs[o].path.clone();

    let trivial = add(&mut drvs, "trivial", input("x", &[]));

    let mut args = input("args", &[("foo", "bar\"\\\n")]);
    args.args = vec!["-c".into(), "echo \"hi\" \\ \n\t\r$x".into()];
    add(&mut drvs, "withArgs", args);

    let mut multi = input("multi", &[("outputs", "out dev bin")]);
    multi.outputs = vec!["out".into(), "dev".into(), "bin".into()];
    let multi = add(&mut drvs, "multi", multi);

    let mut multi_rev = input("multirev", &[("outputs", "lib out")]);
    multi_rev.outputs = vec!["lib".into(), "out".into()];
    add(&mut drvs, "multiRev", multi_rev);

    let extra = format!(
        "{} {}",
        out_of(&drvs, &multi, "dev"),
        out_of(&drvs, &multi, "out")
    );
    let mut dep = input(
        "dep",
        &[("src", &out_of(&drvs, &trivial, "out")), ("extra", &extra)],
    );
    dep.input_drvs = BTreeMap::from([
        (trivial.clone(), set(&["out"])),
        (multi, set(&["dev", "out"])),
    ]);
    let dep = add(&mut drvs, "dep", dep);

    let empty = Hash::of(HashAlgo::Sha256, b"");
    let mut ff = input("ff", &[("outputHash", EMPTY_SHA256_SRI)]);
    ff.fixed_output = Some((empty.clone(), FileIngestion::Flat));
    let ff = add(&mut drvs, "fixedFlat", ff);

    let mut fr = input(
        "fr",
        &[
            ("outputHash", EMPTY_SHA256_NIX32),
            ("outputHashAlgo", "sha256"),
            ("outputHashMode", "recursive"),
        ],
    );
    fr.fixed_output = Some((empty.clone(), FileIngestion::Recursive));
    let fr = add(&mut drvs, "fixedRec", fr);

    let zeros = "0".repeat(40);
    let mut fs1 = input(
        "fs1",
        &[
            ("outputHash", &zeros),
            ("outputHashAlgo", "sha1"),
            ("outputHashMode", "recursive"),
        ],
    );
    fs1.fixed_output = Some((Hash::zero(HashAlgo::Sha1), FileIngestion::Recursive));
    let fs1 = add(&mut drvs, "fixedSha1", fs1);

    let mut ff_other = input(
        "ff",
        &[("outputHash", EMPTY_SHA256_SRI), ("builder", "other")],
    );
    ff_other.fixed_output = Some((empty, FileIngestion::Flat));
    let ff_other = add(&mut drvs, "fixedFlatOtherBuilder", ff_other);

    for (key, ff) in [("depFixed", &ff), ("depFixedOther", &ff_other)] {
        let (a, b) = (out_of(&drvs, ff, "out"), out_of(&drvs, &fr, "out"));
        let mut d = input("depfixed", &[("a", &a), ("b", &b)]);
        d.input_drvs = BTreeMap::from([(ff.clone(), set(&["out"])), (fr.clone(), set(&["out"]))]);
        add(&mut drvs, key, d);
    }

    let mut d = input("depfixedsha1", &[("a", &out_of(&drvs, &fs1, "out"))]);
    d.input_drvs = BTreeMap::from([(fs1, set(&["out"]))]);
    add(&mut drvs, "depFixedSha1", d);

    let none = BTreeSet::new();
    let file = store
        .make_text_path("script.sh", b"echo hello", &none)
        .unwrap();
    let mut with_file = input("withfile", &[("builder", &file)]);
    with_file.args = vec![file.clone()];
    with_file.input_srcs = set(&[&file]);
    let with_file = add(&mut drvs, "withFile", with_file);

    let mut deep = input("deep", &[("d", &out_of(&drvs, &dep, "out"))]);
    deep.input_drvs = BTreeMap::from([(dep.clone(), set(&["out"]))]);
    add(&mut drvs, "depDeep", deep);

    // A `drvPath` context pulls in the closure, and all outputs of every
    // derivation in it.
    let with_closure = |drvs: &DrvStore, inp: &mut DrvInput, drv: &str| {
        for p in drvs.closure(drv) {
            if let Some(d) = drvs.get(&p) {
                inp.input_drvs
                    .insert(p.clone(), d.outputs.keys().cloned().collect());
            }
            inp.input_srcs.insert(p);
        }
    };
    let mut by_drv_path = input("drvpathdep", &[("p", &dep)]);
    with_closure(&drvs, &mut by_drv_path, &dep);
    add(&mut drvs, "depDrvPath", by_drv_path);

    let file_ref = store
        .make_text_path("ref", file.as_bytes(), &set(&[&file]))
        .unwrap();
    drvs.add_references(file_ref.clone(), set(&[&file]));
    let mut file_ref_dep = input("filerefdep", &[("f", &file_ref), ("p", &with_file)]);
    file_ref_dep.input_srcs.insert(file_ref);
    with_closure(&drvs, &mut file_ref_dep, &with_file);
    add(&mut drvs, "depFileRef", file_ref_dep);

    (drvs, built)
}

/// (case, drv path, output paths) in the default store, from Nix 2.8.
const EXPECTED: &[(&str, &str, &[&str])] = &[
    (
        "trivial",
        "5wq5jx7219pmi3xklyhl77fjbqvy6qaj-x.drv",
        &["gwwjwi08fyrbrz2d8zkfvy65nzzq2czp-x"],
    ),
    (
        "withArgs",
        "hwl433pfbyhymp2v78dy0bw6j9137a7k-args.drv",
        &["15cip4kq6xyaagbhv1qrg68kibbrmjk1-args"],
    ),
    (
        "multi",
        "b7ii19cdrdcc9xk9ahsck1jcj69ddcwk-multi.drv",
        &[
            "lfxh8xi7z2lf97kdhh0jfjswdd92na3z-multi",
            "9dm4bj01a1hqf00cwgnjcnz4wf47q9cp-multi-dev",
            "4daw3074zlg8jvpdlpb8qs5awm6vag1l-multi-bin",
        ],
    ),
    (
        "multiRev",
        "0jg90mhs0bgnglyd6h50x7a58wv1srpq-multirev.drv",
        &[
            "vhxic5z7xk9rngz64k8pdvh53bdmblx8-multirev-lib",
            "fswl3vc6p0z1vyj188wnb5r496ipfd1i-multirev",
        ],
    ),
    (
        "dep",
        "cvmksmgk8vfyll5ha84ws0j6kyxwh535-dep.drv",
        &["58bmsim4lzxws68d0cfv8drg8bgg413j-dep"],
    ),
    (
        "fixedFlat",
        "h0bb2ph3mhbiyjjxnzg6bmxil9yanmpq-ff.drv",
        &["03nsxs7k6gppa12846gia95y9r8gdjh6-ff"],
    ),
    (
        "fixedRec",
        "gdbd8ca1k2s9bv9vi2wzncwaizz63mi1-fr.drv",
        &["3b4a0zy4h1ab6cicivhh4xjg4ml3g6ka-fr"],
    ),
    (
        "fixedSha1",
        "cf4fdwnpzcbgm707gmvc9cq8fd82h52k-fs1.drv",
        &["f5w2nmq1s60ypgh7syyxhdbgb7622irq-fs1"],
    ),
    (
        "fixedFlatOtherBuilder",
        "5s9p1gvqhm5ywr4n2ry44499h47xrzqk-ff.drv",
        &["03nsxs7k6gppa12846gia95y9r8gdjh6-ff"],
    ),
    (
        "depFixed",
        "bw0fkj5fbkg42rl0ms9i8wpw2hylzkg1-depfixed.drv",
        &["m3lgrwz196bz10x8lnxkj0rkb5n5c74v-depfixed"],
    ),
    // Same output path as depFixed: only the fixed-output input's builder differs.
    (
        "depFixedOther",
        "z1p9k4wk60gfbrffsyasm1cbmbfgkdb5-depfixed.drv",
        &["m3lgrwz196bz10x8lnxkj0rkb5n5c74v-depfixed"],
    ),
    (
        "depFixedSha1",
        "ga7yk26hzzkb77pahli0i6b8j50yh8la-depfixedsha1.drv",
        &["l2wakf8jnwq8r8ab5h2gapnaz9nfxmwf-depfixedsha1"],
    ),
    (
        "withFile",
        "v1wr11kpw689gfka0ii8inqa6n4kslk3-withfile.drv",
        &["nahmby75cqlqav0bs4qlkmjgybfgd6f7-withfile"],
    ),
    (
        "depDeep",
        "0x7phpvb0nn5p2achnd9rx6i0a85fs74-deep.drv",
        &["wcvma3m02hz2k2y2ah5df83qwjd8vj6g-deep"],
    ),
    (
        "depDrvPath",
        "jqvm2yj1yszy4lkwyigv2qyfaigy7kxg-drvpathdep.drv",
        &["npxxva7vfbx5qs22hipkm01hhvli6fmz-drvpathdep"],
    ),
    (
        "depFileRef",
        "bcgqzn4c463rhyczr98waf2425siwsgf-filerefdep.drv",
        &["903dp7skqvjgalqm3ry5g52gi5883x3n-filerefdep"],
    ),
];

/// The same for a few cases with NIX_STORE_DIR=/tmp/s.
const EXPECTED_TMP_S: &[(&str, &str, &[&str])] = &[
    (
        "trivial",
        "qsp1mvkhf50n92ykjp4vqvk6mfn39n50-x.drv",
        &["jlpdabwj6li29zlsdigbs734l99v6an2-x"],
    ),
    (
        "dep",
        "1cpz8nslmjjp6cy2nb9sms7bxrp948q5-dep.drv",
        &["y8h0w4pmms8mn7afzhvlzl2dqp0ww574-dep"],
    ),
    (
        "depFixed",
        "xwy0l8lr7gqaiamh2xr5ll1v5hn8grb1-depfixed.drv",
        &["qbvb8g2jharqpbhr3wa31b9xi75fn48q-depfixed"],
    ),
    (
        "fixedFlat",
        "7i2k3l13kcragxjhzq64899dwixymav6-ff.drv",
        &["pmf765n79dwfdwiia3xrhdiscn8my8hf-ff"],
    ),
    (
        "fixedRec",
        "r5y2mjdpp2dmf21737k9bsqjjyizci30-fr.drv",
        &["xy4xwp83da578yjnfmqqzbj0qrqjb43r-fr"],
    ),
    (
        "multi",
        "0lfsk80dxdm880ki7wr1albidp9f1za8-multi.drv",
        &[
            "haqbgdh1l15918h8zkfiwq117gl666fj-multi",
            "w97w6ap5hhh5p0lq174m6lsj0gb3m5ca-multi-dev",
            "f0wfpbl9h771b361hh8ybbalh97pvr17-multi-bin",
        ],
    ),
    (
        "withFile",
        "v04ljb4vq7qqplv84ixbxrw488n7x503-withfile.drv",
        &["1yj32kpha6wh09x8h2z06225sjfgdg4x-withfile"],
    ),
];

fn check_paths(dir: &str, expected: &[(&str, &str, &[&str])]) -> DrvStore {
    let (drvs, built) = build_all(&StoreDir::new(dir));
    for (case, drv, outs) in expected {
        let (got_drv, got_outs) = &built[case];
        assert_eq!(got_drv, &format!("{dir}/{drv}"), "{case}");
        let outs: Vec<String> = outs.iter().map(|o| format!("{dir}/{o}")).collect();
        assert_eq!(got_outs, &outs, "{case}");
    }
    drvs
}

#[test]
fn paths_match_nix() {
    check_paths("/nix/store", EXPECTED);
}

#[test]
fn paths_match_nix_in_other_store_dir() {
    check_paths("/tmp/s", EXPECTED_TMP_S);
}

#[test]
fn drv_files_match_nix() {
    let drvs = check_paths("/nix/store", EXPECTED);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "drv") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let drv_path = format!("/nix/store/{name}");
        let ours = drvs
            .get(&drv_path)
            .unwrap_or_else(|| panic!("{drv_path} not built"));
        assert_eq!(ours.unparse(), text, "{name}");
        assert_eq!(&Derivation::parse(&text).unwrap(), ours, "{name}");
        count += 1;
    }
    assert_eq!(count, 16);
}

#[test]
fn derivations_read_back_hash_the_same() {
    let (drvs, built) = build_all(&StoreDir::default());
    let mut again = DrvStore::default();
    // Insert in creation order, so that inputs come first.
    let mut order: Vec<&String> = built.values().map(|(d, _)| d).collect();
    order.sort_by_key(|d| drvs.closure(d).len());
    for d in order {
        let text = drvs.get(d).unwrap().unparse();
        again
            .insert(d.clone(), Derivation::parse(&text).unwrap())
            .unwrap();
        assert_eq!(again.hash_modulo_hex(d), drvs.hash_modulo_hex(d));
    }
}

#[test]
fn output_paths_recomputed_from_finished_derivations() {
    // Hashing a finished derivation must blank its output paths (in the
    // outputs and the environment) to give back the same output paths.
    let store = StoreDir::default();
    let (drvs, built) = build_all(&store);
    for (case, (drv_path, _)) in &built {
        let want = drvs.get(drv_path).unwrap().output_paths();
        assert_eq!(
            drvs.recompute_output_paths(&store, drv_path),
            Ok(want),
            "{case}"
        );
    }
    assert!(
        drvs.recompute_output_paths(&store, "/nix/store/unknown.drv")
            .is_err()
    );
}

#[test]
fn closure_follows_inputs() {
    let (drvs, built) = build_all(&StoreDir::default());
    let dep = &built["dep"].0;
    let want: BTreeSet<String> = [dep, &built["trivial"].0, &built["multi"].0]
        .into_iter()
        .cloned()
        .collect();
    assert_eq!(drvs.closure(dep), want);
    assert_eq!(
        drvs.closure("/nix/store/unknown"),
        set(&["/nix/store/unknown"])
    );
}

#[test]
fn rejects_what_nix_rejects() {
    let store = StoreDir::default();
    let mut drvs = DrvStore::default();
    let err = |drvs: &mut DrvStore, inp: DrvInput| drvs.add(&store, inp).unwrap_err();
    assert_eq!(
        err(&mut drvs, input("ab.drv", &[])),
        "derivation names are not allowed to end in '.drv'"
    );
    // (derivation { name = "a b"; builder = "b"; system = "s"; }).outPath
    assert_eq!(
        err(&mut drvs, input("a b", &[])),
        "store path '0clg19dliwxbqg0ryi4mv71pz3p5kh0m-a b' contains illegal character ' '"
    );
    // derivationStrict { name = "f"; builder = "b"; system = "s"; outputs = [ "out" "a~" ]; }
    let mut bad_output = input("f", &[("outputs", "out a~")]);
    bad_output.outputs = vec!["out".into(), "a~".into()];
    assert_eq!(
        err(&mut drvs, bad_output),
        "store path 'q74zdar4ihgkx5v5yrzi8g7r4j377m11-f-a~' contains illegal character '~'"
    );
    let mut dup = input("f", &[]);
    dup.outputs = vec!["out".into(), "out".into()];
    assert_eq!(err(&mut drvs, dup), "duplicate derivation output 'out'");
    let mut drv_out = input("f", &[]);
    drv_out.outputs = vec!["drv".into()];
    assert_eq!(
        err(&mut drvs, drv_out),
        "invalid derivation output name 'drv'"
    );
    let mut none = input("f", &[]);
    none.outputs.clear();
    assert_eq!(
        err(&mut drvs, none),
        "derivation cannot have an empty set of outputs"
    );
    let mut fixed_multi = input("f", &[]);
    fixed_multi.outputs = vec!["out".into(), "dev".into()];
    fixed_multi.fixed_output = Some((Hash::zero(HashAlgo::Sha256), FileIngestion::Flat));
    assert_eq!(
        err(&mut drvs, fixed_multi),
        "multiple outputs are not supported in fixed-output derivations"
    );
    let mut unknown_input = input("f", &[]);
    unknown_input.input_drvs.insert(
        "/nix/store/5wq5jx7219pmi3xklyhl77fjbqvy6qaj-x.drv".into(),
        set(&["out"]),
    );
    assert!(err(&mut drvs, unknown_input).contains("is not known"));
}

#[test]
fn unknown_output_of_fixed_input_is_an_error() {
    let (mut drvs, built) = build_all(&StoreDir::default());
    let mut d = input("f", &[]);
    d.input_drvs
        .insert(built["fixedFlat"].0.clone(), set(&["dev"]));
    assert!(
        drvs.add(&StoreDir::default(), d)
            .unwrap_err()
            .contains("does not have output 'dev'")
    );
}

#[test]
fn parse_rejects_malformed_text() {
    let good = "Derive([(\"out\",\"/nix/store/gwwjwi08fyrbrz2d8zkfvy65nzzq2czp-x\",\"\",\"\")],[],[],\"s\",\"b\",[],[(\"builder\",\"b\")])";
    assert!(Derivation::parse(good).is_ok());
    for cut in 0..good.len() {
        assert!(Derivation::parse(&good[..cut]).is_err(), "{cut}");
    }
    assert!(Derivation::parse(&format!("{good}x")).is_err());
    assert!(Derivation::parse("Derive([],[(\"rel\",[])],[],\"s\",\"b\",[],[])").is_err());
    assert!(Derivation::parse("Derive([],[],[\"rel\"],\"s\",\"b\",[],[])").is_err());
    assert!(Derivation::parse("Derive([],[],[],\"s\",\"b\",[\"a\\").is_err());
    assert!(Derivation::parse("Derive([],[],[],\"s\",\"b\",[\"é\\é\"],[])").is_ok());
}
