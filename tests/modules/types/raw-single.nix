let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; raw; }; }
    { v = { keep = "as is"; f = 1; }; }
  ];
}).config
