let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      { options.v = lib.mkOption { type = lib.types.lazyAttrsOf lib.types.int; }; }
      { v = { ok = 1; broken = throw "not forced"; }; }
    ];
  }).config;
in
{ names = builtins.attrNames c.v; ok = c.v.ok; }
