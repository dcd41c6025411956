let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    { options.enable = lib.mkEnableOption "x"; options.pkgs = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; }; options.extra = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; }; }
    ({ config, ... }: { pkgs = lib.mkIf config.enable [ "from-enable" ]; })
    ({ config, ... }: { config = lib.mkIf (builtins.elem "from-enable" config.pkgs) { extra = [ "second-order" ]; }; })
    { enable = true; }
  ];
}).config
