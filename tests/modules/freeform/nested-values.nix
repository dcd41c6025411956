let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { freeformType = with lib.types; attrsOf (attrsOf int); options.declared.a = lib.mkOption { default = 0; }; }
    { group.x = 1; group.y = 2; declared.a = 5; }
    { group.z = 3; }
  ];
}).config
