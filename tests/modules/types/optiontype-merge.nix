let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      { options.t = lib.mkOption { type = lib.types.optionType; }; }
      { t = lib.types.submodule { options.a = lib.mkOption { default = "a"; }; }; }
      { t = lib.types.submodule { options.b = lib.mkOption { default = "b"; }; }; }
    ];
  };
  t = r.config.t;
in
(lib.evalModules { modules = [ { options.v = lib.mkOption { type = t; }; } { v = { }; } ]; }).config.v
