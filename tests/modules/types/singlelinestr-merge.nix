let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; singleLineStr; }; }
    { v = "line\n"; }
  ];
}).config
