let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.n = lib.mkOption { type = lib.types.int; apply = x: x * 10; };
      options.names = lib.mkOption {
        type = lib.types.listOf lib.types.str;
        apply = lib.concatStringsSep ",";
      };
    }
    { n = 4; names = [ "a" ]; }
    { names = [ "b" ]; }
  ];
}).config
