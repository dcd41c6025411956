let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.l = lib.mkOption { };
      options.s = lib.mkOption { };
      options.b = lib.mkOption { };
      options.a = lib.mkOption { };
    }
    { l = [ 1 ]; s = "x"; b = false; a.x = 1; }
    { l = [ 2 ]; s = "y"; b = true; a.y = 2; }
  ];
}).config
