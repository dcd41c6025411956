{ lib, config, ... }:
{
  options.environment.etc = lib.mkOption {
    default = { };
    type = lib.types.attrsOf (lib.types.submodule ({ name, config, ... }: {
      options = {
        enable = lib.mkOption { type = lib.types.bool; default = true; };
        target = lib.mkOption { type = lib.types.str; default = name; };
        text = lib.mkOption { type = lib.types.nullOr lib.types.lines; default = null; };
        mode = lib.mkOption { type = lib.types.str; default = "symlink"; };
      };
    }));
  };
  options.environment.etcFiles = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; };
  config.environment.etcFiles = map (f: "${f.target}:${f.mode}")
    (builtins.filter (f: f.enable) (builtins.attrValues config.environment.etc));
}
