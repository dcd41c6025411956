let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf int; }; }
    { v = lib.mkOrder 5 [ 1 ]; }
    { v = lib.mkOrder 5 [ 2 ]; }
    { v = lib.mkOrder 5 [ 3 ]; }
  ];
}).config.v
