let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ({ config, ... }: {
      options.a.b.c.d = lib.mkOption { default = 4; };
      options.e = lib.mkOption { default = config.a.b.c.d * 2; };
    })
  ];
}).config
