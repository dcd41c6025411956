# Properties nested the way NixOS modules nest them: mkIf outside, then mkMerge, then
# mkOverride per part; pushed down through an option set and discharged per option.
let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      {
        options.s.a = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; };
        options.s.b = lib.mkOption { type = lib.types.str; default = "default"; };
        options.s.c = lib.mkOption { type = lib.types.int; default = 0; };
      }
      { s = lib.mkIf true (lib.mkMerge [ (lib.mkOverride 80 { a = [ "x" ]; }) (lib.mkIf false { b = "no"; }) { a = [ "y" ]; c = 1; } ]); }
      { s.a = lib.mkOverride 80 [ "z" ]; s.b = lib.mkIf true (lib.mkMerge [ (lib.mkForce "forced") ]); s.c = lib.mkDefault 7; }
    ];
  };
in
{ inherit (r.config) s; prioA = r.options.s.a.highestPrio; prioB = r.options.s.b.highestPrio; prioC = r.options.s.c.highestPrio; }
