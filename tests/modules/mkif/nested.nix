let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf int; }; }
    { v = lib.mkIf true (lib.mkIf false [ 1 ]); }
    { v = lib.mkIf true (lib.mkIf true [ 2 ]); }
  ];
}).config.v
