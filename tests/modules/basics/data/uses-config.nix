{ config, lib, ... }:
{
  options.message = lib.mkOption { type = lib.types.str; };
  config.message = "${config.greeting} x${toString config.count}";
}
