let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf int; }; }
    { v = lib.mkOrder 300 [ 3 ]; }
    { v = lib.mkOrder 100 [ 1 ]; }
    { v = lib.mkOrder 200 [ 2 ]; }
    { v = [ 1000 ]; }
    { v = lib.mkOrder 2000 [ 2000 ]; }
  ];
}).config.v
