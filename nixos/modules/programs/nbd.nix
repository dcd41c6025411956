# programs.nbd: the NBD client side — nbd-client on the PATH and the `nbd` kernel module
# loaded at boot (NixOS option name).
{ config, lib, pkgs, ... }:

let
  cfg = config.programs.nbd;
in
{
  options.programs.nbd.enable = lib.mkEnableOption "Network Block Device (nbd) client support: nbd-client and the nbd kernel module";

  config = lib.mkIf cfg.enable {
    environment.systemPackages = [ pkgs.nbd ];
    boot.kernelModules = [ "nbd" ];
  };
}
