let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; int; }; }
    { v = lib.mkOverride 90 1; }
    { v = lib.mkOverride 80 2; }
    { v = lib.mkOverride 85 3; }
    { v = 4; }
  ];
}).config.v
