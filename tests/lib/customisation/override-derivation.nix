let lib = import ../../../lib; in
let
  drv = derivation { name = "orig"; system = "x86_64-linux"; builder = "/bin/sh"; foo = "1"; };
  d2 = lib.overrideDerivation drv (old: { foo = old.foo + "2"; name = "changed"; });
in
[ d2.name d2.foo d2.drvAttrs.foo (d2.drvPath != drv.drvPath) (builtins.isAttrs d2.meta) ]
