let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      {
        options.settings = lib.mkOption {
          type = lib.types.submodule {
            freeformType = lib.types.attrsOf (lib.types.submodule { options.inner = lib.mkOption { type = lib.types.int; }; });
            options.declared = lib.mkOption { type = lib.types.str; };
          };
        };
      }
    ];
  };
in
map (o: o.name) (builtins.filter (o: !(lib.hasInfix "_module" o.name)) (lib.optionAttrSetToDocList r.options))
