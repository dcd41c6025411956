let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; ints.unsigned; }; }
    { v = -5; }
  ];
}).config
