# Building big attribute sets with listToAttrs/genList and looking them up:
# dynamic attribute names, `?`, `or`, attrNames/attrValues, intersectAttrs,
# removeAttrs, catAttrs, mapAttrs and nested sets (like a package set).
# Result: a few integers.
let
  inherit (builtins)
    attrNames attrValues catAttrs foldl' genList hasAttr intersectAttrs
    length listToAttrs mapAttrs removeAttrs;

  n = 60000;
  ids = genList (i: i) n;
  name = i: "pkg-${toString i}";

  # A flat "package set": name -> record.
  pkgs = listToAttrs (map (i: {
    name = name i;
    value = { pname = name i; version = i; deps = [ (name (i / 2)) (name (i / 3)) ]; };
  }) ids);

  # Look every package up by a computed name, plus its dependencies.
  lookupSum = foldl' (acc: i:
    let p = pkgs.${name ((i * 7919) - (i * 7919) / n * n)}; in
    acc + p.version + pkgs.${builtins.head p.deps}.version) 0 ids;

  # `?` and `or` on present and absent names.
  presentCount = foldl' (acc: i: if pkgs ? ${name (i * 2)} then acc + 1 else acc) 0 ids;
  orSum = foldl' (acc: i: acc + (pkgs.${name (i + n / 2)}.version or 1)) 0 ids;

  # Bulk operations on the whole set.
  names = attrNames pkgs;
  versions = catAttrs "version" (attrValues pkgs);
  evens = listToAttrs (map (i: { name = name (i * 2); value = true; }) (genList (i: i) (n / 2)));
  common = intersectAttrs evens pkgs;
  odd = removeAttrs pkgs (attrNames evens);
  bumped = mapAttrs (k: v: v.version + 1) pkgs;
  bumpedSum = foldl' (acc: k: acc + bumped.${k}) 0 names;

  # Nested sets: 300 scopes of 200 attributes each, addressed by path.
  scopes = listToAttrs (genList (s: {
    name = "scope${toString s}";
    value = listToAttrs (genList (j: { name = "a${toString j}"; value = s * j; }) 200);
  }) 300);
  nestedSum = foldl' (acc: s:
    foldl' (acc': j: acc' + scopes.${"scope${toString s}"}.${"a${toString j}"}) acc (genList (j: j) 200))
    0 (genList (s: s) 300);
in
{
  inherit lookupSum presentCount orSum bumpedSum nestedSum;
  names = length names;
  versionSum = foldl' (a: b: a + b) 0 versions;
  common = length (attrNames common);
  odd = length (attrNames odd);
  hasLast = hasAttr (name (n - 1)) pkgs;
}
