let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.s.a = lib.mkOption { type = lib.types.int; };
      options.s.b = lib.mkOption { type = lib.types.int; };
    }
    { s = { a = 1; b = 1; }; }
    { s = lib.mkForce { a = 2; }; }
  ];
}).config
