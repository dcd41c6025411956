let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; int; }; }
    { v = 2; }
    { v = lib.mkDefault 1; }
  ];
}).config.v
