let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; int; }; }
    { v = lib.mkIf true (lib.mkDefault 1); }
    { v = lib.mkIf true 2; }
  ];
}).config.v
