let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.a = lib.mkOption { type = lib.types.int; default = 1; };
      options.b = lib.mkOption { type = lib.types.int; default = 2; };
    }
    { b = lib.mkIf (throw "condition of b evaluated") 3; }
  ];
}).config.a
