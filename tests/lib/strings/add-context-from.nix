let lib = import ../../../lib; in
let
  drv = derivation { name = "ctx"; system = "x86_64-linux"; builder = "/bin/sh"; };
  s = lib.addContextFrom "${drv}" "plain";
in
[ s (builtins.hasContext s) (builtins.hasContext (lib.addContextFrom "a" "b")) ]
