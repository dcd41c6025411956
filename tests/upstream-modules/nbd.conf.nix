# Upstream NixOS nbd module, unchanged, in place of sysnix's own services.nbd
# (same option names; sysnix's module lives at the same path under nixos/modules).
{
  disabledModules = [ "services/networking/nbd.nix" ];
  imports = [ ./nbd.nix ];
  services.nbd.server = {
    enable = true;
    exports.disk = {
      path = "/var/lib/nbd/disk.img";
      allowAddresses = [ "127.0.0.1" ];
    };
  };
}
