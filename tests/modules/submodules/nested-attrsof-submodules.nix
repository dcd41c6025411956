let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.zones = lib.mkOption {
        type = lib.types.attrsOf (lib.types.attrsOf (lib.types.submodule ({ name, ... }: {
          options.record = lib.mkOption { default = name; };
        })));
        default = { };
      };
    }
    { zones.org.www = { }; zones.org.mail.record = "mx"; zones.net.a = { }; }
  ];
}).config
