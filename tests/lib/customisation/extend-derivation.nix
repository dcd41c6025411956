let lib = import ../../../lib; in
let
  drv = derivation { name = "ext"; system = "x86_64-linux"; builder = "/bin/sh"; outputs = [ "out" "dev" ]; };
  e = lib.extendDerivation true { extra = 1; } drv;
in
[ e.extra e.dev.extra e.dev.outputName e.out.outputSpecified (e.outPath == drv.outPath) (map (o: o.outputName) e.all) ]
