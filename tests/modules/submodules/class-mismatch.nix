let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.inner = lib.mkOption {
        type = lib.types.submoduleWith { class = "inner"; modules = [ ]; };
        default = { };
      };
    }
    { inner = { _class = "outer"; }; }
  ];
}).config
