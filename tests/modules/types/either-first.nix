let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; either (listOf int) str; }; }
    { v = [ 1 ]; }
    { v = [ 2 ]; }
  ];
}).config
