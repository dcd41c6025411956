let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ({ config, ... }: {
      options.first = lib.mkOption { default = "first"; };
      options.second = lib.mkOption { default = config.first + "+second"; };
      options.third = lib.mkOption { default = config.second + "+third"; };
    })
    { first = "FIRST"; }
  ];
}).config
