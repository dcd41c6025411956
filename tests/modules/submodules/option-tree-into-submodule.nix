let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.services.web = lib.mkOption {
        type = lib.types.submodule { options.enable = lib.mkEnableOption "web"; };
        default = { };
      };
    }
    { options.services.web.port = lib.mkOption { type = lib.types.port; default = 80; }; }
    { services.web.enable = true; }
  ];
}).config
