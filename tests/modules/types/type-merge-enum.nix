let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      { options.e = lib.mkOption { type = lib.types.enum [ "a" "b" ]; }; }
      { options.e = lib.mkOption { type = lib.types.enum [ "c" ]; }; }
      { e = "c"; }
    ];
  };
in
{ value = r.config.e; type = r.options.e.type.description; }
