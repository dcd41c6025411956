let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.a = lib.mkOption { default = 1; }; options.b = lib.mkOption { type = lib.types.int; }; }
  ];
}).config.a
