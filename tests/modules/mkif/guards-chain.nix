let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    {
      options.a = lib.mkEnableOption "a";
      options.b = lib.mkEnableOption "b";
      options.c = lib.mkEnableOption "c";
      options.log = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; };
    }
    ({ config, ... }: { config = lib.mkIf config.b { c = true; log = [ "b->c" ]; }; })
    ({ config, ... }: { config = lib.mkIf config.a { b = true; log = [ "a->b" ]; }; })
    ({ config, ... }: { config = lib.mkIf config.c { log = [ "c" ]; }; })
    { a = true; }
  ];
}).config
