let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.services.web.port = lib.mkOption { type = lib.types.port; default = 80; };
      options.services.web.host = lib.mkOption { type = lib.types.str; default = "localhost"; };
      options.services.db.enable = lib.mkEnableOption "the database";
    }
    { services.web.port = 8080; }
    { services.db.enable = true; }
  ];
}).config
