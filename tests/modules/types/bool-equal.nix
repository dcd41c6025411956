let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; bool; }; }
    { v = true; }
    { v = true; }
  ];
}).config
