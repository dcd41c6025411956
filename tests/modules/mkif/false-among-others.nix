let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf int; }; }
    { v = lib.mkIf false [ 1 ]; }
    { v = [ 2 ]; }
    { v = lib.mkIf true [ 3 ]; }
  ];
}).config.v
