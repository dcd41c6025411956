# Example configuration for `sysnix options`:
#
#   sysnix options -c examples/options/configuration.nix
#   sysnix options -c examples/options/configuration.nix services.web.virtualHosts
#   sysnix options -c examples/options/configuration.nix --json | jq 'keys'
{ ... }:
{
  imports = [ ./web.nix ./acme.nix ];

  services.web = {
    enable = true;
    virtualHosts."example.org" = {
      root = "/srv/www";
      enableACME = true;
    };
  };
}
