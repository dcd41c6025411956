# `//` folds that grow a set past a thousand attributes one or a few at a time
# (sysnix then shares the unchanged chunks between steps): names, order, lookups,
# overrides in the middle and at both ends, and every builtin that reads a set.
let
  inherit (builtins) foldl' genList attrNames attrValues length head elemAt
    removeAttrs intersectAttrs mapAttrs listToAttrs hashString toJSON filter;
  pad = i: if i < 10 then "000${toString i}" else if i < 100 then "00${toString i}"
    else if i < 1000 then "0${toString i}" else toString i;
  # One name at a time, in a scrambled order (7 is coprime with 3000).
  grown = foldl' (acc: i: let k = i * 7 - i * 7 / 3000 * 3000; in
    acc // { "n${pad k}" = k; }) { } (genList (i: i) 3000);
  # Overrides of names already there: first, last, middle, and new ones between.
  patched = foldl' (acc: i: acc // { "n${pad (i * 37)}" = -i; "m${toString i}" = i; })
    grown (genList (i: i) 81);
  # A few names at each end and in between, all in one update.
  ends = patched // { a = "first"; zzz = "last"; n1500x = "between"; n0000 = "zero"; };
  # A big set on the right of `//`.
  merged = listToAttrs (genList (i: { name = "n${pad (i * 2)}"; value = "even"; }) 600) // ends;
  right = ends // listToAttrs (genList (i: { name = "n${pad (i * 3)}"; value = "third"; }) 900);
  names = attrNames ends;
  sum = s: foldl' (a: v: if builtins.isInt v then a + v else a) 0 (attrValues s);
in {
  count = length names;
  first = head names;
  second = elemAt names 1;
  last = elemAt names (length names - 1);
  sumGrown = sum grown;
  sumPatched = sum patched;
  lookups = [ ends.n0000 ends.n1500x ends.n2999 ends.n1184 ends.m80 ends.zzz (ends.n3000 or "none") ];
  has = [ (ends ? n0001) (ends ? n3001) (ends ? m81) (ends ? a) ];
  removed = length (attrNames (removeAttrs ends [ "n0001" "n2998" "a" "zzz" "nope" ]));
  intersect = attrNames (intersectAttrs { n0005 = 1; m3 = 2; q = 3; } ends);
  mapped = (mapAttrs (n: v: "${n}=${toString v}") grown).n2345;
  mergedCount = length (attrNames merged);
  mergedValues = [ merged.n0002 merged.n0003 merged.a ];
  rightCount = length (attrNames right);
  rightValues = [ right.n0003 right.n0004 right.n0006 ];
  equal = [ (grown == listToAttrs (genList (i: { name = "n${pad i}"; value = i; }) 3000)) (patched == grown) ];
  negatives = length (filter (v: builtins.isInt v && v < 0) (attrValues patched));
  hash = hashString "sha256" (toJSON ends);
}
