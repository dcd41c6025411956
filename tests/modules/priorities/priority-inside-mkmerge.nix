let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; int; }; }
    { v = lib.mkMerge [ (lib.mkDefault 1) 2 ]; }
  ];
}).config.v
