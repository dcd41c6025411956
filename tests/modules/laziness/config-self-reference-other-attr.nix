let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ({ config, ... }: {
      options.s = lib.mkOption { type = lib.types.lazyAttrsOf lib.types.str; };
      config.s = { a = "x"; b = config.s.a + "y"; };
    })
  ];
}).config
