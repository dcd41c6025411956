let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ({ lib, ... }: { options.a = lib.mkOption { type = lib.types.int; default = 20; }; })
    ({ config, lib, ... }: {
      options.b = lib.mkOption { type = lib.types.int; };
      config.b = config.a + 1;
    })
  ];
}).config
