let lib = import ../../../lib; in
let
  t = lib.types.attrsOf (lib.types.submodule { options.a = lib.mkOption { default = 1; }; });
  t2 = t.substSubModules [ { options.b = lib.mkOption { default = 2; }; } ];
  r = lib.evalModules { modules = [ { options.x = lib.mkOption { type = t2; }; } { x.n = { }; } ]; };
in
{ count = builtins.length t.getSubModules; value = r.config.x; desc = t2.description; }
