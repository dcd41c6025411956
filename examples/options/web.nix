# A small web server service module, written as NixOS writes service modules.
# `sysnix options -c examples/options/configuration.nix` documents what it declares.
{ config, lib, ... }:
let
  inherit (lib) mkOption mkEnableOption types literalExpression;
  cfg = config.services.web;

  # One address a virtual host listens on (a list of these per host).
  listenModule = {
    options = {
      addr = mkOption {
        type = types.str;
        default = "0.0.0.0";
        example = "[::1]";
        description = "Address to listen on.";
      };
      port = mkOption {
        type = types.port;
        default = 80;
        example = 8443;
        description = "Port to listen on.";
      };
      ssl = mkEnableOption "TLS on this address";
    };
  };

  # A virtual host; `name` is its attribute name in `services.web.virtualHosts`.
  vhostModule = { name, ... }: {
    options = {
      serverName = mkOption {
        type = types.str;
        default = name;
        defaultText = literalExpression "<name>";
        description = "Host name the virtual host answers to.";
      };
      root = mkOption {
        type = types.nullOr types.str;
        default = null;
        example = "/srv/www";
        description = "Directory served at `/`, or `null` to serve nothing.";
      };
      listen = mkOption {
        type = types.listOf (types.submodule listenModule);
        default = [ { } ];
        example = literalExpression ''[ { addr = "127.0.0.1"; port = 8080; } ]'';
        description = "Addresses and ports the host listens on.";
      };
      locations = mkOption {
        type = types.attrsOf types.lines;
        default = { };
        example = { "/api" = "proxy_pass http://127.0.0.1:9000;"; };
        description = ''
          Extra configuration per location, keyed by path prefix.
          Definitions of the same location from several modules are joined
          with newlines.
        '';
      };
    };
  };
in
{
  options.services.web = {
    enable = mkEnableOption "the web server";

    package = mkOption {
      type = types.str;
      default = "web-1.2";
      defaultText = literalExpression "pkgs.web";
      description = "Package providing the server.";
    };

    workers = mkOption {
      type = types.ints.positive;
      default = 4;
      example = 16;
      description = "Number of worker processes.";
    };

    logLevel = mkOption {
      type = types.enum [ "debug" "info" "warn" "error" ];
      default = "info";
      description = "Minimum severity of logged messages.";
    };

    virtualHosts = mkOption {
      type = types.attrsOf (types.submodule vhostModule);
      default = { };
      example = literalExpression ''
        {
          "example.org" = {
            root = "/srv/www";
            listen = [ { port = 443; ssl = true; } ];
          };
        }
      '';
      description = "Virtual hosts served, keyed by name.";
    };

    extraConfig = mkOption {
      type = types.lines;
      default = "";
      example = ''
        gzip on;
        keepalive_timeout 65;
      '';
      description = "Lines appended to the generated configuration file.";
    };

    configText = mkOption {
      type = types.lines;
      readOnly = true;
      description = "The generated configuration file (computed, read-only).";
    };

    pidFile = mkOption {
      type = types.str;
      default = "/run/web.pid";
      internal = true;
      description = "Internal: where the server writes its process id (not listed).";
    };
  };

  config.services.web.configText = lib.concatStringsSep "\n" (
    [ "workers ${toString cfg.workers};" "log_level ${cfg.logLevel};" ]
    ++ lib.mapAttrsToList
      (_: h: "server ${h.serverName} ${lib.concatMapStringsSep " " (l: "${l.addr}:${toString l.port}") h.listen};")
      cfg.virtualHosts
    ++ [ cfg.extraConfig ]
  );
}
