let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.hosts = lib.mkOption {
        type = lib.types.listOf (lib.types.submodule ({ name, ... }: {
          options.addr = lib.mkOption { type = lib.types.str; };
          options.port = lib.mkOption { type = lib.types.port; default = 22; };
          options.label = lib.mkOption { type = lib.types.str; default = name; };
        }));
      };
    }
    { hosts = [ { addr = "a"; } { addr = "b"; port = 2222; } ]; }
    { hosts = [ { addr = "c"; } ]; }
  ];
}).config
