let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.services.a.enable = lib.mkEnableOption "a";
      options.services.b.enable = lib.mkEnableOption "b";
    }
    ({ config, lib, ... }: {
      config = lib.mkIf config.services.a.enable { services.b.enable = true; };
    })
    { services.a.enable = true; }
  ];
}).config
