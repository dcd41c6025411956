let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf int; }; }
    { v = lib.mkBefore (lib.mkDefault [ 0 ]); }
    { v = [ 1 ]; }
    { v = lib.mkAfter [ 2 ]; }
  ];
}).config.v
