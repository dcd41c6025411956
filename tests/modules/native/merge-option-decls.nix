# One option declared by three modules (mergeOptionDecls, native in sysnix): submodule
# types merge and collect every declaration's options; a declaration without a type
# keeps the others'; declarations and their positions are listed in module order.
let lib = import ../../../lib; in
let
  inherit (lib) mkOption types;
  r = lib.evalModules {
    modules = [
      { _file = "first.nix"; options.s = mkOption { type = types.submodule { options.a = mkOption { type = types.int; default = 1; }; }; default = { }; }; }
      { _file = "second.nix"; options.s = mkOption { type = types.submodule { options.b = mkOption { type = types.str; default = "b"; }; }; description = "merged"; }; }
      { _file = "third.nix"; options.s = mkOption { internal = true; }; }
      { s.a = 5; }
    ];
  };
  o = r.options.s;
in
{
  value = r.config.s;
  declarations = o.declarations;
  lines = map (p: p.line) o.declarationPositions;
  inherit (o) description internal;
  type = o.type.description;
  subOptions = builtins.attrNames (o.type.getSubOptions [ ]);
}
