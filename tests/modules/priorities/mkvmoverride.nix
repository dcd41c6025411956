let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; int; }; }
    { v = lib.mkVMOverride 10; }
    { v = lib.mkForce 50; }
    { v = lib.mkImageMediaOverride 60; }
  ];
}).config.v
