let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; anything; }; }
    { v = { a = lib.mkIf false 1; b = lib.mkIf true 2; c = lib.mkMerge [ { x = 1; } { y = 2; } ]; }; }
  ];
}).config
