# Repeated `//` and recursive merging, like folds of lib.recursiveUpdate
# over overlays: zipAttrsWith-based recursiveUpdate (as in nixpkgs lib),
# a growing set extended one attribute at a time with `//`, and an
# overlay chain `final: prev: ...` folded into a fixed point.
# Result: a few integers and a short hash.
let
  inherit (builtins)
    attrNames elemAt foldl' genList hashString head isAttrs length
    listToAttrs mapAttrs toJSON zipAttrsWith;

  recursiveUpdateUntil = pred: lhs: rhs:
    let
      f = attrPath:
        zipAttrsWith (n: values:
          let here = attrPath ++ [ n ]; in
          if length values == 1 || pred here (elemAt values 1) (head values)
          then head values
          else f here values);
    in f [ ] [ rhs lhs ];

  recursiveUpdate = recursiveUpdateUntil (path: lhs: rhs: !(isAttrs lhs && isAttrs rhs));

  str = toString;

  # 1. A base configuration tree, 3 levels deep.
  base = listToAttrs (genList (a: {
    name = "section${str a}";
    value = listToAttrs (genList (b: {
      name = "group${str b}";
      value = listToAttrs (genList (c: { name = "key${str c}"; value = a + b + c; }) 8);
    }) 10);
  }) 20);

  # 400 small patches, each touching a few leaves deep in the tree.
  patch = i: {
    "section${str (i - i / 20 * 20)}" = {
      "group${str (i - i / 10 * 10)}" = {
        "key${str (i - i / 8 * 8)}" = i;
        "extra${str i}" = { value = i; };
      };
    };
  };
  merged = foldl' recursiveUpdate base (genList patch 1500);

  leafSum = foldl' (acc: s:
    foldl' (acc': g:
      foldl' (acc'': k:
        let v = merged.${s}.${g}.${k}; in
        acc'' + (if isAttrs v then v.value else v))
        acc' (attrNames merged.${s}.${g}))
      acc (attrNames merged.${s}))
    0 (attrNames merged);

  # 2. Growing a set one attribute at a time with `//` (quadratic copying).
  grown = foldl' (acc: i: acc // { "attr${str i}" = i; }) { } (genList (i: i) 4000);
  grownCount = length (attrNames grown);

  # 3. `//` of many medium sets with overlapping names.
  layer = i: listToAttrs (genList (j: { name = "opt${str (i * 13 + j)}"; value = i * j; }) 150);
  layered = foldl' (acc: i: acc // layer i) { } (genList (i: i) 1500);

  # 4. An overlay chain: final: prev: attrs, folded like lib.extends.
  extends = overlay: f: final: let prev = f final; in prev // overlay final prev;
  fix = f: let x = f x; in x;
  basePkgs = final: listToAttrs (genList (i: {
    name = "p${str i}";
    value = { version = i; deps = if i == 0 then 0 else final."p${str (i - 1)}".version; };
  }) 400);
  overlay = k: final: prev: listToAttrs (genList (j:
    let n = "p${str (k * 3 + j)}"; in {
      name = n;
      value = prev.${n} // { version = prev.${n}.version + k; };
    }) 20);
  pkgSet = fix (foldl' (f: k: extends (overlay k) f) basePkgs (genList (k: k) 120));
  pkgSum = foldl' (acc: n: acc + pkgSet.${n}.version + pkgSet.${n}.deps) 0 (attrNames pkgSet);
in
{
  inherit leafSum grownCount pkgSum;
  layered = length (attrNames layered);
  treeHash = builtins.substring 0 16 (hashString "sha256" (toJSON merged));
}
