let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; attrsOf number; }; }
    { v = { a = 1; b = 2.5; }; }
  ];
}).config
