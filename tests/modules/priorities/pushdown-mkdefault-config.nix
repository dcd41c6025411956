let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.a = lib.mkOption { type = lib.types.int; };
      options.b = lib.mkOption { type = lib.types.int; };
    }
    { config = lib.mkDefault { a = 1; b = 1; }; }
    { a = 2; }
  ];
}).config
