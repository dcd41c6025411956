let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; int; default = 0; }; }
    { v = lib.mkIf false 1; }
  ];
}).config.v
