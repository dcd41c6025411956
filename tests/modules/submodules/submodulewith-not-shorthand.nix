let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.inner = lib.mkOption {
        type = lib.types.submoduleWith { modules = [ { options.a = lib.mkOption { default = 1; }; } ]; };
        default = { };
      };
    }
    { inner = { options.b = lib.mkOption { default = 2; }; config.a = 10; }; }
  ];
}).config
