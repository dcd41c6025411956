# Adds certificate options to every virtual host of ./web.nix: declaring
# `services.web.virtualHosts` again with more submodule options merges the
# two declarations (both files are listed as declaring the option).
{ lib, ... }:
let
  inherit (lib) mkOption types;
in
{
  options.services.web.virtualHosts = mkOption {
    type = types.attrsOf (types.submodule {
      options.enableACME = mkOption {
        type = types.bool;
        default = false;
        example = true;
        description = "Whether to obtain a certificate for this host from Let's Encrypt.";
      };
      options.acmeEmail = mkOption {
        type = types.nullOr types.str;
        default = null;
        example = "admin@example.org";
        description = "Contact address for the certificate authority.";
      };
    });
  };
}
