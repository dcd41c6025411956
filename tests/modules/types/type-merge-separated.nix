let lib = import ../../../lib; in
let
  r = lib.evalModules {
    modules = [
      { options.s = lib.mkOption { type = lib.types.lines; }; }
      { options.s = lib.mkOption { type = lib.types.lines; }; }
      { s = "x"; }
      { s = "y"; }
    ];
  };
in
r.config.s
