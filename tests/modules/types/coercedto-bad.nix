let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; coercedTo int toString str; }; }
    { v = true; }
  ];
}).config
