{ lib, ... }:
{
  options.items = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; };
  options.flag = lib.mkOption { type = lib.types.bool; default = false; };
}
