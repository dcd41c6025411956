let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { freeformType = with lib.types; attrsOf (either int str); options.port = lib.mkOption { type = lib.types.port; default = 1; }; }
    { port = 2; name = "x"; count = 3; }
  ];
}).config
