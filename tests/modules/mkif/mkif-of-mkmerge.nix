let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf str; }; }
    { v = lib.mkIf true (lib.mkMerge [ [ "a" ] [ "b" ] ]); }
  ];
}).config.v
