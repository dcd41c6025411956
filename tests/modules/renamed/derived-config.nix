let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ({ options, ... }: {
      options.base = lib.mkOption { type = lib.types.str; default = "base"; };
      options.derived = lib.mkOption { type = lib.types.str; };
      config.derived = lib.mkDerivedConfig options.base (b: b + "-derived");
    })
    { base = lib.mkDefault "user"; }
  ];
}).config
