let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; attrs; }; }
    { v = { a = 1; b = 1; }; }
    { v = { b = 2; c = 2; }; }
  ];
}).config
