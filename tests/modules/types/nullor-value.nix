let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; nullOr (listOf int); }; }
    { v = [ 1 ]; }
    { v = [ 2 ]; }
  ];
}).config
