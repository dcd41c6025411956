let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = with lib.types; unspecified; }; }
    { v = lib.mkAfter [ "z" ]; }
    { v = [ "a" ]; }
  ];
}).config.v
