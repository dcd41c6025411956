# A host configuration: it turns the service on and sets it up. Definitions merge with the
# module's defaults by type and priority, as on NixOS.
{ lib, ... }:
{
  services.web = {
    enable = true;
    virtualHosts."example.org".root = "/srv/example";
    virtualHosts."docs.example.org" = {
      root = "/srv/docs";
      listen = [ 8080 8443 ];
    };
    extraConfig = lib.mkMerge [ (lib.mkAfter "log /var/log/web.log") (lib.mkBefore "workers 4") ];
  };
  services.web.virtualHosts."example.org".listen = lib.mkDefault [ 80 ];
  services.web.port = lib.mkForce 8000;
}
