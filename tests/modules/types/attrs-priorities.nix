let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; attrsOf int; }; }
    { v = { a = lib.mkDefault 1; b = 2; }; }
    { v = { a = 10; b = lib.mkDefault 20; }; }
  ];
}).config
