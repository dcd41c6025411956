let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf int; }; }
    { v = lib.mkDefault [ 1 ]; }
    { v = [ 2 ]; }
    { v = [ 3 ]; }
    { v = lib.mkDefault [ 4 ]; }
  ];
}).config.v
