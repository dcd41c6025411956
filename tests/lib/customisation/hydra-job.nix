let lib = import ../../../lib; in
let
  drv = derivation { name = "hj"; system = "x86_64-linux"; builder = "/bin/sh"; } // { meta = { description = "x"; }; };
  j = lib.hydraJob drv;
in
[ (builtins.attrNames j) j.name j.meta (lib.hydraJob null) ]
