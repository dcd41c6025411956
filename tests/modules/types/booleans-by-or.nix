let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; boolByOr; }; }
    { v = false; }
    { v = true; }
    { v = false; }
  ];
}).config
