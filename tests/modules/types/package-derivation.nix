let lib = import ../../../lib; in
let
  drv = derivation { name = "fake"; system = "x86_64-linux"; builder = "/bin/sh"; };
  c = (lib.evalModules {
    modules = [
      { options.p = lib.mkOption { type = lib.types.package; }; }
      { p = drv; }
    ];
  }).config;
in
{ name = c.p.name; isDrv = lib.isDerivation c.p; }
