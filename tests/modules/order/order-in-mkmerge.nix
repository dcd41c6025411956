let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf int; }; }
    { v = lib.mkMerge [ [ 1 ] (lib.mkBefore [ 0 ]) (lib.mkAfter [ 2 ]) ]; }
  ];
}).config.v
