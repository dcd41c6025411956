let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; attrsOf int; }; }
    { v = { a = 1; }; }
    { v = { b = 2; }; }
    { v = { c = 3; }; }
  ];
}).config
