let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.inner = lib.mkOption {
        type = lib.types.submodule { options.a = lib.mkOption { default = 1; }; };
        default = { };
      };
    }
    { inner = { options.b = 2; }; }
  ];
}).config
