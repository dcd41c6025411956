let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.tls = lib.mkOption {
        type = lib.types.nullOr (lib.types.submodule {
          options.cert = lib.mkOption { type = lib.types.str; };
          options.key = lib.mkOption { type = lib.types.str; default = "key.pem"; };
        });
        default = null;
      };
      options.other = lib.mkOption {
        type = lib.types.nullOr (lib.types.submodule { options.x = lib.mkOption { default = 1; }; });
        default = null;
      };
    }
    { tls.cert = "cert.pem"; }
  ];
}).config
