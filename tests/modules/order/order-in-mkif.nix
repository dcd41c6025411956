let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf int; }; }
    { v = lib.mkIf true (lib.mkBefore [ 0 ]); }
    { v = [ 1 ]; }
  ];
}).config.v
