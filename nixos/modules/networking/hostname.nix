# The host name: `networking.hostName` -> etc/hostname; "" leaves the
# host's name alone. `networking.domain` and `networking.fqdn` as NixOS.
{ config, lib, ... }:

let
  inherit (lib) mkOption types;
  cfg = config.networking;
in
{
  options.networking = {
    hostName = mkOption {
      type = types.strMatching "^$|^[[:alnum:]]([[:alnum:]_-]{0,61}[[:alnum:]])?$";
      default = "";
      example = "web1";
      description = ''
        The host's name (letters, digits, `-` and `_`, at most 63
        characters): written to /etc/hostname and used in the system's
        name. The empty string keeps the host's current name.
      '';
    };
    domain = mkOption {
      type = types.nullOr (types.strMatching "^[[:alnum:]_-]+(\\.[[:alnum:]_-]+)*$");
      default = null;
      example = "home.arpa";
      description = "The host's domain (used in networking.fqdn).";
    };
    fqdn = mkOption {
      type = types.str;
      readOnly = true;
      default =
        if cfg.hostName != "" && cfg.domain != null then "${cfg.hostName}.${cfg.domain}"
        else if cfg.hostName != "" then cfg.hostName
        else throw "networking.fqdn needs networking.hostName to be set.";
      defaultText = lib.literalExpression ''"''${networking.hostName}.''${networking.domain}"'';
      description = "The fully qualified domain name (read-only).";
    };
  };

  config = lib.mkIf (cfg.hostName != "") {
    environment.etc.hostname.text = "${cfg.hostName}\n";
  };
}
