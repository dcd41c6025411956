let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.a = lib.mkOption { type = lib.types.int; default = 0; };
      options.b = lib.mkOption { type = lib.types.str; default = "d"; };
    }
    { config = lib.mkIf true { a = 1; b = "x"; }; }
  ];
}).config
