let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.outer.inner = lib.mkOption {
        type = lib.types.submodule ({ name, ... }: { options.n = lib.mkOption { default = name; }; });
        default = { };
      };
    }
  ];
}).config
