let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; lines; }; }
    { v = "first"; }
    { v = "second"; }
    { v = "third"; }
  ];
}).config
