let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf int; }; }
    { v = lib.mkDefault (lib.mkBefore [ 0 ]); }
    { v = lib.mkAfter [ 2 ]; }
    { v = lib.mkForce (lib.mkAfter [ 9 ]); }
    { v = lib.mkForce [ 8 ]; }
  ];
}).config.v
