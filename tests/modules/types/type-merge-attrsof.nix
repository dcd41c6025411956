let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      { options.a = lib.mkOption { type = with lib.types; attrsOf (submodule { options.x = lib.mkOption { default = 1; }; }); }; }
      { options.a = lib.mkOption { type = with lib.types; attrsOf (submodule { options.y = lib.mkOption { default = 2; }; }); }; }
      { a.n = { }; }
    ];
  };
in
r.config.a
