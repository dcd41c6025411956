let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf int; }; }
    { v = [ 1 2 ]; }
    { v = [ 3 ]; }
    { v = [ ]; }
    { v = [ 4 ]; }
  ];
}).config
