{ name, config, lib, ... }:
{
  options = {
    name = lib.mkOption { type = lib.types.str; default = name; };
    home = lib.mkOption { type = lib.types.str; default = "/home/${config.name}"; };
    groups = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; };
  };
}
