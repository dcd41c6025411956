let lib = import ../../../lib; in
let
  drv = derivation { name = "ctx"; system = "x86_64-linux"; builder = "/bin/sh"; };
  parts = lib.splitString "/" "${drv}/bin/x";
in
map builtins.hasContext parts
