# flags: --eval
# A builtin whose value is a string or a set (`nixVersion`, `storeDir`, `builtins`
# itself) is read when evaluated, as in Nix: selected in a binding or an attribute,
# it prints as <CODE> without --strict, in the file itself and in an imported one
# (which the prefetch workers may have compiled).
let
  v = builtins.nixVersion;
  b = builtins;
  imported = import ./data/builtins-constants.nix;
in
builtins.seq imported {
  inherit v imported;
  w = builtins.nixVersion;
  s = b.storeDir;
  l = b.length [ 1 ];
}
