let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; attrsOf (listOf str); }; }
    { v.group = [ "ok" 1 ]; }
  ];
}).config
