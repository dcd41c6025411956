# mkOverride must be the outermost property: an override of a set pushes down onto its
# options unchanged, so the mkIf inside is left undischarged and fails the type check (as
# on NixOS).
let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      {
        options.s.a = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; };
        options.s.b = lib.mkOption { type = lib.types.str; default = "default"; };
      }
      { s = lib.mkOverride 80 (lib.mkMerge [ (lib.mkIf true { a = [ "x" ]; }) (lib.mkIf false { b = "no"; }) { a = [ "y" ]; } ]); }
      { s.a = [ "plain, loses" ]; s.b = lib.mkIf true (lib.mkMerge [ (lib.mkForce "forced") ]); }
    ];
  };
in
{ inherit (r.config) s; prioA = r.options.s.a.highestPrio; prioB = r.options.s.b.highestPrio; }
