# A port given as a string.
{ ... }:
{
  networking.firewall.allowedTCPPorts = [ "http" ];
}
