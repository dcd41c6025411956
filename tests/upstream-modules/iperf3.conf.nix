# Upstream NixOS iperf3 module, unchanged (Debian package: iperf3).
{
  imports = [ ./iperf3.nix ];
  services.iperf3 = {
    enable = true;
    openFirewall = true;
  };
}
