let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      { options.s = lib.mkOption { type = lib.types.submodule { freeformType = lib.types.attrsOf lib.types.str; }; }; }
    ];
  };
in
{
  desc = r.options.s.type.description;
  subOptionNames = builtins.attrNames (r.options.s.type.getSubOptions [ "s" ]);
}
