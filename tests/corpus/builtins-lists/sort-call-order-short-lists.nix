# The comparator sees the same pairs, in the same order, as under Nix's
# std::stable_sort (each call is traced): lists up to two insertion-sort runs long.
let
  cmp = a: b: builtins.trace "${toString a.k}.${toString a.i} < ${toString b.k}.${toString b.i}" (a.k < b.k);
  key = i: let x = i * 37 + 11; in x - x / 13 * 13;
  mk = n: builtins.genList (i: { k = key i; inherit i; }) n;
in
map (n: map (x: x.i) (builtins.sort cmp (mk n))) [ 0 1 2 3 4 5 7 8 13 14 15 16 ]
