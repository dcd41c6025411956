let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; lines; }; }
    { v = lib.mkAfter "last"; }
    { v = "middle"; }
    { v = lib.mkBefore "first"; }
  ];
}).config.v
