let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.box = lib.mkOption {
        type = lib.types.submodule ({ config, ... }: {
          options.on = lib.mkOption { type = lib.types.bool; default = false; };
          options.size = lib.mkOption { type = lib.types.int; default = 1; };
          config = lib.mkIf config.on { size = 100; };
        });
        default = { };
      };
    }
    { box.on = true; }
  ];
}).config
