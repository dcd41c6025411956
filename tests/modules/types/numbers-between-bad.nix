let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; numbers.between 0 1; }; }
    { v = 1.5; }
  ];
}).config
