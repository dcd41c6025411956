let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf (listOf int); }; }
    { v = [ [ 1 ] [ ] ]; }
    { v = [ [ 2 3 ] ]; }
  ];
}).config
