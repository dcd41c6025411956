let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; int; default = 1; }; }
    { v = lib.mkDefault 2; }
  ];
}).config.v
