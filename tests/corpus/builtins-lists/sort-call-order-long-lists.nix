# The comparator sees the same pairs, in the same order, as under Nix's
# std::stable_sort (each call is traced): lists of several runs, odd and even
# lengths (the final merge runs backwards when the halves differ).
let
  cmp = a: b: builtins.trace "${toString a.k}.${toString a.i} < ${toString b.k}.${toString b.i}" (a.k < b.k);
  key = i: let x = i * 53 + 7; in x - x / 9 * 9;
  mk = n: builtins.genList (i: { k = key i; inherit i; }) n;
in
map (n: map (x: x.i) (builtins.sort cmp (mk n))) [ 28 29 30 57 64 ]
