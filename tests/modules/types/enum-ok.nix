let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; enum [ "a" "b" ]; }; }
    { v = "b"; }
    { v = "b"; }
  ];
}).config
