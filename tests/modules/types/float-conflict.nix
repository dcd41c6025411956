let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; float; }; }
    { v = 1.5; }
    { v = 2.5; }
  ];
}).config
