let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; unspecified; }; }
    { v = 1; }
    { v = "x"; }
  ];
}).config
