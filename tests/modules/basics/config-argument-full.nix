let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.a = lib.mkOption { default = 1; }; options.b = lib.mkOption { default = 2; }; }
    ({ config, lib, ... }: {
      options.names = lib.mkOption { };
      config.names = builtins.attrNames config;
    })
  ];
}).config.names
