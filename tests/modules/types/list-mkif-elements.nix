let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = lib.types.listOf lib.types.str; }; }
    { v = [ "a" (lib.mkIf false "b") (lib.mkIf true "c") ]; }
  ];
}).config
