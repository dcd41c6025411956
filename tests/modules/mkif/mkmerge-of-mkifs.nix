let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf str; }; }
    { v = lib.mkMerge [ (lib.mkIf true [ "a" ]) (lib.mkIf false [ "b" ]) [ "c" ] ]; }
  ];
}).config.v
