let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; raw; }; }
    { v = 1; }
    { v = 1; }
  ];
}).config
