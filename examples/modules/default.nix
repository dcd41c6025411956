# Evaluates configuration.nix with sysnix's own lib (`<sysnix/lib>`, built into sysnix;
# with Nix: `nix-instantiate -I sysnix=/path/to/sysnix`), as NixOS evaluates a system.
let
  lib = import <sysnix/lib>;
  system = lib.evalModules {
    modules = [ ./web-service.nix ./configuration.nix ];
  };
in
{
  inherit (system.config) units etc;
  hosts = lib.mapAttrs (name: h: h.listen) system.config.services.web.virtualHosts;
}
