let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ({ config, lib, ... }: {
      options.domain = lib.mkOption { type = lib.types.str; default = "example.org"; };
      options.vhosts = lib.mkOption {
        type = lib.types.attrsOf (lib.types.submodule ({ name, ... }: {
          options.fqdn = lib.mkOption { type = lib.types.str; default = "${name}.${config.domain}"; };
        }));
        default = { };
      };
    })
    { vhosts.www = { }; vhosts.mail = { }; domain = "test.net"; }
  ];
}).config
