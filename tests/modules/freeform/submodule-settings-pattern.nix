let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.services.app.settings = lib.mkOption {
        type = lib.types.submodule {
          freeformType = with lib.types; attrsOf (attrsOf (oneOf [ str int bool ]));
          options.server.port = lib.mkOption { type = lib.types.port; default = 8080; };
        };
        default = { };
      };
    }
    { services.app.settings = { server.host = "0.0.0.0"; log.level = "info"; }; }
    { services.app.settings.log.json = true; }
  ];
}).config
