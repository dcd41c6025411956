let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf (coercedTo int toString str); }; }
    { v = [ 1 "b" ]; }
    { v = [ 3 ]; }
  ];
}).config
