# A service module written exactly as a NixOS module: options with types, defaults and
# descriptions; a submodule per virtual host; config guarded by mkIf.
{ config, lib, ... }:
let
  inherit (lib) mkOption mkEnableOption mkIf types concatStringsSep mapAttrsToList;
  cfg = config.services.web;
  vhost = { name, ... }: {
    options = {
      serverName = mkOption {
        type = types.str;
        default = name;
        description = "The host name this virtual host answers to.";
      };
      root = mkOption {
        type = types.str;
        example = "/srv/www";
        description = "Directory the files are served from.";
      };
      listen = mkOption {
        type = types.listOf types.port;
        default = [ cfg.port ];
        defaultText = lib.literalExpression "[ config.services.web.port ]";
        description = "Ports this host listens on.";
      };
    };
  };
in
{
  options.services.web = {
    enable = mkEnableOption "the example web server";
    port = mkOption {
      type = types.port;
      default = 8080;
      description = "Default port for virtual hosts.";
    };
    virtualHosts = mkOption {
      type = types.attrsOf (types.submodule vhost);
      default = { };
      description = "Virtual hosts, by name.";
    };
    extraConfig = mkOption {
      type = types.lines;
      default = "";
      description = "Lines appended to the generated configuration.";
    };
  };

  # Options a system configuration provides (later issues give them real meaning).
  options.units = mkOption {
    type = types.attrsOf (types.attrsOf types.str);
    default = { };
    description = "systemd units by name, as `section.Key = value` strings.";
  };
  options.etc = mkOption {
    type = types.attrsOf types.lines;
    default = { };
    description = "Files under /etc, by path.";
  };

  config = mkIf cfg.enable {
    units."web.service" = {
      "Unit.Description" = "Example web server";
      "Service.ExecStart" = "/usr/sbin/webd --config /etc/web.conf";
      "Service.DynamicUser" = "true";
    };
    etc."web.conf" = concatStringsSep "\n" (mapAttrsToList
      (name: h: "server ${h.serverName} ${toString h.listen} ${h.root}")
      cfg.virtualHosts) + "\n" + cfg.extraConfig;
  };
}
