{ lib, ... }:
{
  options.x = lib.mkOption { type = lib.types.int; default = 1; };
}
