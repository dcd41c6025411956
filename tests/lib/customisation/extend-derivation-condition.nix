let lib = import ../../../lib; in
let
  drv = derivation { name = "ext"; system = "x86_64-linux"; builder = "/bin/sh"; };
  e = lib.extendDerivation false { extra = 1; } drv;
in
[ e.extra (builtins.tryEval e.outPath) ]
