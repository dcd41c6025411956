{ lib, ... }:
{
  options.services.nginx.enable = lib.mkEnableOption "nginx";
  options.services.nginx.package = lib.mkOption { type = lib.types.str; default = "nginx"; };
  options.networking.hostName = lib.mkOption { type = lib.types.str; default = "nixos"; };
}
