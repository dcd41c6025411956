let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ({ config, ... }: {
      options.globalEnable = lib.mkEnableOption "all";
      options.jobs = lib.mkOption {
        type = lib.types.attrsOf (lib.types.submodule {
          options.enable = lib.mkOption { type = lib.types.bool; default = config.globalEnable; };
        });
        default = { };
      };
    })
    { jobs.a = { }; jobs.b.enable = false; globalEnable = true; }
  ];
}).config
