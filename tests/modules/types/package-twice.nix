let lib = import ../../../lib; in
let
  drv = n: derivation { name = n; system = "x86_64-linux"; builder = "/bin/sh"; };
in
(lib.evalModules {
  modules = [
    { options.p = lib.mkOption { type = lib.types.package; }; }
    { p = drv "a"; }
    { p = drv "b"; }
  ];
}).config.p.name
