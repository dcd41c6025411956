let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; int; }; }
    { v = lib.mkImageMediaOverride 60; }
    { v = lib.mkForce 50; }
    { v = 3; }
  ];
}).config.v
