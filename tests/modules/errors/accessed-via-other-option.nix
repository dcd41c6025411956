let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.a = lib.mkOption { type = lib.types.str; }; }
    ({ config, ... }: { options.b = lib.mkOption { default = "b-" + config.a; }; })
  ];
}).config.b
