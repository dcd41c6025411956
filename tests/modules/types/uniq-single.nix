let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; uniq (listOf int); }; }
    { v = [ 1 2 ]; }
  ];
}).config
