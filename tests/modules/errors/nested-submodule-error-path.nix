let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.a = lib.mkOption {
        type = lib.types.attrsOf (lib.types.submodule {
          options.b = lib.mkOption { type = lib.types.listOf (lib.types.submodule { options.c = lib.mkOption { type = lib.types.int; }; }); };
        });
      };
    }
    { a.x.b = [ { c = "str"; } ]; }
  ];
}).config
