let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.box = lib.mkOption {
        type = lib.types.submodule {
          options.on = lib.mkOption { type = lib.types.bool; default = false; };
          options.size = lib.mkOption { type = lib.types.int; default = 1; };
        };
        default = { };
      };
    }
    { box = lib.mkIf true { on = true; }; }
    { box = lib.mkIf false { size = 10; }; }
  ];
}).config
