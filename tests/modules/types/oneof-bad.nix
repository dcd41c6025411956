let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; oneOf [ int str ]; }; }
    { v = true; }
  ];
}).config
