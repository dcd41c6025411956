# Host packages and package writers seen through the configuration's pkgs.
{ pkgs, ... }:
{
  networking.firewall.enable = false;
  environment.systemPackages = [ pkgs.htop pkgs.git (pkgs.writeShellScriptBin "hi" "echo hi") ];
}
