let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; coercedTo str lib.singleton (listOf str); }; }
    { v = "a"; }
    { v = [ "b" "c" ]; }
  ];
}).config
