let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.settings = lib.mkOption {
        type = lib.types.submodule {
          freeformType = with lib.types; attrsOf (oneOf [ int str bool ]);
          options.port = lib.mkOption { type = lib.types.port; default = 1234; };
        };
        default = { };
      };
    }
    { settings.log_level = "debug"; settings.workers = 4; }
    { settings.port = 99; settings.verbose = true; }
  ];
}).config
