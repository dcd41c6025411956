let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; attrsOf int; }; }
    { v = { a = 1; b = lib.mkIf false 2; c = lib.mkIf true 3; }; }
  ];
}).config
