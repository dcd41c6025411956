{ lib, ... }:
{
  options.services.new.enable = lib.mkEnableOption "new";
  options.services.new.port = lib.mkOption { type = lib.types.port; default = 80; };
  options.services.new.names = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; };
}
