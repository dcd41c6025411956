let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; listOf str; }; }
    { v = [ "plain1" ]; }
    { v = lib.mkAfter [ "after" ]; }
    { v = lib.mkBefore [ "before" ]; }
    { v = [ "plain2" ]; }
  ];
}).config.v
