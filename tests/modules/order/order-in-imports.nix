let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.v = lib.mkOption { type = lib.types.listOf lib.types.str; }; }
    { v = [ "top-1" ]; imports = [ { v = [ "import-1a" ]; } { v = [ "import-1b" ]; } ]; }
    { v = [ "top-2" ]; imports = [ { v = [ "import-2" ]; imports = [ { v = [ "deep" ]; } ]; } ]; }
  ];
}).config.v
