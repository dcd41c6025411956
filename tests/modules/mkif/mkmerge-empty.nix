let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; int; default = 4; }; }
    { v = lib.mkMerge [ ]; }
  ];
}).config.v
