let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ({ config, ... }: {
      options.base = lib.mkOption { type = lib.types.str; default = "/srv"; };
      options.dirs = lib.mkOption {
        type = lib.types.attrsOf lib.types.str;
        default = { data = "${config.base}/data"; };
      };
    })
    { base = "/var"; }
  ];
}).config
