let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf int; }; }
    { v = [ 1 ]; }
    { v = [ 2 "x" ]; }
  ];
}).config
