# differs-from-2.8: sysnix reports where the error happened; Nix 2.8 gives no position for it
# a function of one argument whose result is not a function: an error when the value is forced
let r = builtins.mapAttrs (n: 1) { a = 1; b = 2; }; in builtins.attrNames r ++ [ r.a ]
