# The native pushDownProperties/dischargeProperties (sysnix) and the Nix fallback (C++ Nix)
# must leave the same things unevaluated: unused options behind mkIf/mkMerge/mkOverride
# and conditions of mkIf-wrapped sets whose options are never read.
let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      {
        options.a = lib.mkOption { type = lib.types.int; default = 0; };
        options.unused = lib.mkOption { type = lib.types.int; default = 0; };
        options.sub.x = lib.mkOption { type = lib.types.int; default = 0; };
        options.sub.never = lib.mkOption { type = lib.types.int; default = 0; };
      }
      { config = lib.mkIf true (lib.mkMerge [
        { a = 1; unused = throw "unused is never read"; }
        (lib.mkOverride 90 { sub.x = 2; sub.never = throw "never read either"; })
      ]); }
      { sub = lib.mkIf (throw "this condition is only needed for sub.*") { }; }
      { config = lib.mkMerge [ { a = lib.mkIf false (throw "discharged away"); } ]; }
    ];
  };
in
{ inherit (r.config) a; aPrio = r.options.a.highestPrio; }
