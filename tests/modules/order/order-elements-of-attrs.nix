let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; attrsOf (listOf int); }; }
    { v = { a = lib.mkAfter [ 9 ]; }; }
    { v = { a = [ 1 ]; b = lib.mkBefore [ 2 ]; }; }
    { v = { b = [ 3 ]; }; }
  ];
}).config.v
