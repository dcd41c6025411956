let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; unspecified; }; }
    { v = { a = 1; }; }
    { v = { b = 2; }; }
  ];
}).config
