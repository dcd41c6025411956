let lib = import ../../../lib; in
let
  c = (lib.evalModules {
    modules = [
      { options.v = lib.mkOption { type = with lib.types; lazyAttrsOf (listOf int); }; }
      { v = { a = [ 1 ]; b = lib.mkIf false [ 2 ]; }; }
    ];
  }).config;
in
c.v
