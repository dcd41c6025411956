{ label }:
{ lib, ... }:
{
  options.label = lib.mkOption { type = lib.types.str; default = label; };
}
