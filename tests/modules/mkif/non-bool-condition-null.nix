let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; int; }; }
    { v = lib.mkIf null 1; }
  ];
}).config.v
