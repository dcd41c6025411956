let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; nonEmptyListOf int; }; }
    { v = [ ]; }
    { v = [ 1 ]; }
  ];
}).config
