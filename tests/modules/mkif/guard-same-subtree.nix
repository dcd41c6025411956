let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.svc.enable = lib.mkEnableOption "svc";
      options.svc.port = lib.mkOption { type = lib.types.port; default = 80; };
      options.svc.url = lib.mkOption { type = lib.types.str; };
    }
    ({ config, ... }: {
      config.svc = lib.mkIf config.svc.enable {
        url = "http://localhost:${toString config.svc.port}";
      };
    })
    { svc.enable = true; svc.port = 8080; }
  ];
}).config
