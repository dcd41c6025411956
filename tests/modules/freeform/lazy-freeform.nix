let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      { _module.freeformType = lib.types.lazyAttrsOf lib.types.int; }
      { fine = 1; broken = throw "lazy value forced"; }
    ];
  }).config;
in
{ names = builtins.attrNames c; fine = c.fine; }
