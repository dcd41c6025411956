let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.inner = lib.mkOption {
        type = lib.types.submodule ({ extra, ... }: {
          config._module.args.extra = "provided inside";
          options.v = lib.mkOption { default = extra; };
        });
        default = { };
      };
    }
  ];
}).config
