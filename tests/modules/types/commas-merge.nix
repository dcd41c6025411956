let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; commas; }; }
    { v = "a"; }
    { v = "b"; }
  ];
}).config
