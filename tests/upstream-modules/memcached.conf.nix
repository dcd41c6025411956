# Upstream NixOS memcached module, unchanged (Debian package: memcached).
{
  imports = [ ./memcached.nix ];
  services.memcached = {
    enable = true;
    maxMemory = 32;
  };
}
