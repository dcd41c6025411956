let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; ints.u8; }; }
    { v = -1; }
  ];
}).config
