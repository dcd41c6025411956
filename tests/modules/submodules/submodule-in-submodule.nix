let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.a = lib.mkOption {
        type = lib.types.submodule {
          options.b = lib.mkOption {
            type = lib.types.attrsOf (lib.types.submodule ({ name, ... }: {
              options.c = lib.mkOption { default = "c-${name}"; };
            }));
            default = { };
          };
        };
        default = { };
      };
    }
    { a.b.x = { }; }
  ];
}).config
