let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.server = lib.mkOption {
        type = lib.types.submodule ({ config, ... }: {
          options.host = lib.mkOption { type = lib.types.str; default = "localhost"; };
          options.port = lib.mkOption { type = lib.types.port; default = 80; };
          options.url = lib.mkOption { type = lib.types.str; default = "http://${config.host}:${toString config.port}"; };
        });
        default = { };
      };
    }
    { server.port = 8080; }
  ];
}).config
