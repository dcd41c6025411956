let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; ints.between 1 10; }; }
    { v = 0; }
  ];
}).config
