# The nftables firewall.
{ ... }:
{
  networking.firewall = {
    allowedTCPPorts = [ 22 80 80 ];
    allowedUDPPorts = [ 53 ];
    allowedTCPPortRanges = [ { from = 8000; to = 8010; } ];
    trustedInterfaces = [ "wg0" ];
    interfaces.eth1.allowedUDPPorts = [ 5353 ];
    extraInputRules = "ip saddr 10.0.0.0/8 tcp dport 5432 accept";
    allowPing = false;
  };
}
