let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; attrsOf (attrsOf (listOf str)); }; }
    { v = { x.y = [ "1" ]; }; }
    { v = { x.y = [ "2" ]; x.z = [ ]; }; }
  ];
}).config
