let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; attrsOf int; }; }
    { v = { a = 1; b = "x"; }; }
  ];
}).config
