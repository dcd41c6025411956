# Priorities compare as numbers across int and float (lib.min, ==), natively as in Nix.
let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      { options.v = lib.mkOption { type = lib.types.listOf lib.types.int; default = [ 0 ]; }; }
      { v = lib.mkOverride 50.5 [ 1 ]; }
      { v = lib.mkOverride 50.5 [ 2 ]; }
      { v = lib.mkOverride 60 [ 3 ]; }
      { v = lib.mkOverride 50.5 (lib.mkBefore [ 4 ]); }
    ];
  };
in
{ inherit (r.config) v; prio = r.options.v.highestPrio; files = builtins.length r.options.v.files; }
