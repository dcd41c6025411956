# A warning is printed, the system still evaluates.
{ ... }:
{
  networking.firewall.enable = false;
  warnings = [ "this is a test warning" ];
}
