# Upstream NixOS rsyncd module, unchanged (Debian package: rsync).
{
  imports = [ ./rsyncd.nix ];
  services.rsyncd = {
    enable = true;
    settings.files = {
      path = "/srv/files";
      comment = "shared files";
      "read only" = true;
    };
  };
}
