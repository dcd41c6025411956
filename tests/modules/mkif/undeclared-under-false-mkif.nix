let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.a = lib.mkOption { default = 1; }; }
    { config = lib.mkIf false { nope = 1; }; }
  ];
}).config
