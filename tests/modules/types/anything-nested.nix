let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; anything; }; }
    { v = { a.b = 1; l = [ 1 ]; s = "x"; }; }
    { v = { a.c = 2; l = [ 1 ]; s = lib.mkForce "y"; }; }
  ];
}).config
