{ lib, ... }:
{
  imports = [ ./opts.nix ];
  options.extra = lib.mkOption { type = lib.types.int; default = 1; };
  config.items = [ "config-form" ];
}
