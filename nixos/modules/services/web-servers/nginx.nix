# services.nginx: a subset of NixOS' nginx module on Debian's nginx (pkgs.nginx).
#
# Implemented: virtual hosts with listen addresses/ports, server names and aliases, a root,
# locations (root, alias, index, tryFiles, return, proxyPass, extraConfig), a default
# server, and free text at the http/events/main levels. Not implemented: TLS/ACME, upstreams
# as options, streams, status page, the recommended* presets except proxy settings.
#
# The whole server (master and workers) runs as the unprivileged `nginx` user with only
# CAP_NET_BIND_SERVICE; it stays in the foreground (`daemon off`); temporary files go to
# /var/cache/nginx (CacheDirectory=) and logs to the journal.
{ config, lib, pkgs, ... }:

let
  inherit (lib) mkOption mkEnableOption mkIf types concatMapStrings concatStringsSep
    optionalString mapAttrsToList;

  cfg = config.services.nginx;
  cacheDir = "/var/cache/nginx";
  runDir = "/run/nginx";

  listenType = types.submodule {
    options = {
      addr = mkOption {
        type = types.str;
        example = "127.0.0.1";
        description = "Address to listen on (an IPv6 address in brackets: `[::]`).";
      };
      port = mkOption {
        type = types.nullOr types.port;
        default = null;
        description = "Port; null means `defaultHTTPListenPort`.";
      };
      extraParameters = mkOption {
        type = types.listOf types.str;
        default = [ ];
        example = [ "backlog=1024" ];
        description = "Further parameters of the listen directive.";
      };
    };
  };

  locationType = types.submodule {
    options = {
      root = mkOption { type = types.nullOr types.str; default = null; description = "`root` of this location."; };
      alias = mkOption { type = types.nullOr types.str; default = null; description = "`alias` of this location."; };
      index = mkOption { type = types.nullOr types.str; default = null; example = "index.html"; description = "`index` files."; };
      tryFiles = mkOption { type = types.nullOr types.str; default = null; example = "$uri $uri/ =404"; description = "`try_files` arguments."; };
      return = mkOption { type = types.nullOr (types.either types.str types.int); default = null; example = "301 https://example.org$request_uri"; description = "`return` arguments."; };
      proxyPass = mkOption { type = types.nullOr types.str; default = null; example = "http://127.0.0.1:8000"; description = "`proxy_pass` target."; };
      recommendedProxySettings = mkOption {
        type = types.bool;
        default = cfg.recommendedProxySettings;
        defaultText = lib.literalExpression "config.services.nginx.recommendedProxySettings";
        description = "Send the usual forwarding headers with `proxyPass`.";
      };
      extraConfig = mkOption { type = types.lines; default = ""; description = "Lines added to this location block."; };
    };
  };

  vhostType = types.submodule ({ name, ... }: {
    options = {
      serverName = mkOption {
        type = types.nullOr types.str;
        default = name;
        defaultText = lib.literalExpression "<name>";
        description = "`server_name`; null answers any name (with `default`).";
      };
      serverAliases = mkOption { type = types.listOf types.str; default = [ ]; description = "Further names of this host."; };
      listen = mkOption {
        type = types.listOf listenType;
        default = [ ];
        example = [ { addr = "127.0.0.1"; port = 8080; } ];
        description = "Where this host listens; empty: every address on `defaultHTTPListenPort`.";
      };
      default = mkOption { type = types.bool; default = false; description = "Make this the `default_server` of its listen sockets."; };
      root = mkOption { type = types.nullOr types.str; default = null; example = "/var/www/example.org"; description = "Document root."; };
      locations = mkOption { type = types.attrsOf locationType; default = { }; description = "Location blocks, by path (`/`, `~ \\.php$`, …)."; };
      extraConfig = mkOption { type = types.lines; default = ""; description = "Lines added to the server block."; };
    };
  });

  proxyHeaders = ''
    proxy_set_header Host $host;
    proxy_set_header X-Real-IP $remote_addr;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header X-Forwarded-Host $host;
    proxy_http_version 1.1;
  '';

  optLine = directive: value: optionalString (value != null) "${directive} ${toString value};\n";

  renderLocation = path: l: ''
    location ${path} {
    ${lib.strings.concatStrings [
      (optLine "root" l.root)
      (optLine "alias" l.alias)
      (optLine "index" l.index)
      (optLine "try_files" l.tryFiles)
      (optLine "return" l.return)
      (optLine "proxy_pass" l.proxyPass)
      (optionalString (l.proxyPass != null && l.recommendedProxySettings) proxyHeaders)
      l.extraConfig
    ]}}
  '';

  listensOf = vhost:
    if vhost.listen != [ ] then vhost.listen
    else [ { addr = "0.0.0.0"; port = null; extraParameters = [ ]; } ]
      ++ lib.optional cfg.enableIPv6 { addr = "[::]"; port = null; extraParameters = [ ]; };

  renderListen = vhost: l:
    let port = if l.port == null then cfg.defaultHTTPListenPort else l.port;
    in "listen ${l.addr}:${toString port}${optionalString vhost.default " default_server"}${concatMapStrings (p: " " + p) l.extraParameters};\n";

  renderVhost = name: vhost: ''
    server {
    ${concatMapStrings (renderListen vhost) (listensOf vhost)}${
      optionalString (vhost.serverName != null || vhost.serverAliases != [ ])
        "server_name ${concatStringsSep " " (lib.optional (vhost.serverName != null) vhost.serverName ++ vhost.serverAliases)};\n"
    }${optLine "root" vhost.root}${concatStringsSep "" (mapAttrsToList renderLocation vhost.locations)}${vhost.extraConfig}}
  '';

  configText = ''
    # nginx.conf generated by sysnix (services.nginx)
    daemon off;
    pid ${runDir}/nginx.pid;
    error_log stderr ${cfg.logLevel};
    worker_processes ${toString cfg.workerProcesses};
    ${cfg.appendConfig}
    events {
    ${cfg.eventsConfig}}

    http {
    include ${cfg.mimeTypes};
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    server_tokens ${if cfg.serverTokens then "on" else "off"};
    client_max_body_size ${cfg.clientMaxBodySize};
    access_log ${cfg.accessLog};
    client_body_temp_path ${cacheDir}/client_body;
    proxy_temp_path ${cacheDir}/proxy;
    fastcgi_temp_path ${cacheDir}/fastcgi;
    uwsgi_temp_path ${cacheDir}/uwsgi;
    scgi_temp_path ${cacheDir}/scgi;
    ${cfg.appendHttpConfig}
    ${concatStringsSep "\n" (mapAttrsToList renderVhost cfg.virtualHosts)}}
  '';

  configFile = pkgs.writeText "nginx.conf" configText;
  nginx = "${cfg.package}/bin/nginx";

  ports = lib.unique (lib.concatMap
    (vhost: map (l: if l.port == null then cfg.defaultHTTPListenPort else l.port) (listensOf vhost))
    (lib.attrValues cfg.virtualHosts));
  needsBindCap = lib.any (p: p < 1024) ports;
in
{
  options.services.nginx = {
    enable = mkEnableOption "the nginx web server";

    package = mkOption {
      type = types.package;
      default = pkgs.nginx;
      defaultText = lib.literalExpression "pkgs.nginx";
      description = "nginx to run (its `bin/nginx`).";
    };

    user = mkOption { type = types.str; default = "nginx"; description = "User nginx runs as (created when left at its default)."; };
    group = mkOption { type = types.str; default = "nginx"; description = "Group nginx runs as (created when left at its default)."; };

    defaultHTTPListenPort = mkOption { type = types.port; default = 80; description = "Port of listen entries that name none."; };
    enableIPv6 = mkOption { type = types.bool; default = true; description = "Also listen on `[::]` where a host gives no `listen`."; };
    openFirewall = mkOption { type = types.bool; default = false; description = "Open every port a virtual host listens on (not a NixOS option)."; };

    workerProcesses = mkOption { type = types.either types.int (types.enum [ "auto" ]); default = "auto"; description = "`worker_processes`."; };
    logLevel = mkOption { type = types.enum [ "debug" "info" "notice" "warn" "error" "crit" "alert" "emerg" ]; default = "warn"; description = "Level of the error log (to the journal)."; };
    accessLog = mkOption {
      type = types.str;
      default = "syslog:server=unix:/dev/log,nohostname,tag=nginx";
      example = "off";
      description = "`access_log` arguments; by default to the journal through syslog.";
    };
    serverTokens = mkOption { type = types.bool; default = false; description = "Show the nginx version in error pages and headers."; };
    clientMaxBodySize = mkOption { type = types.str; default = "10m"; description = "`client_max_body_size`."; };
    mimeTypes = mkOption { type = types.str; default = "/etc/nginx/mime.types"; description = "File of MIME types (Debian's nginx-common ships it)."; };
    recommendedProxySettings = mkOption { type = types.bool; default = false; description = "Default of every location's `recommendedProxySettings`."; };

    eventsConfig = mkOption { type = types.lines; default = ""; description = "Lines of the events block."; };
    appendConfig = mkOption { type = types.lines; default = ""; description = "Lines at the main level."; };
    appendHttpConfig = mkOption { type = types.lines; default = ""; description = "Lines at the end of the http block."; };

    virtualHosts = mkOption {
      type = types.attrsOf vhostType;
      default = { };
      example = lib.literalExpression ''
        { "example.org" = { root = "/var/www/example.org"; locations."/api/".proxyPass = "http://127.0.0.1:8000"; }; }
      '';
      description = "Virtual hosts (server blocks), by name.";
    };
  };

  config = mkIf cfg.enable {
    users.users = lib.optionalAttrs (cfg.user == "nginx") {
      nginx = { isSystemUser = true; group = cfg.group; description = "nginx web server"; };
    };
    users.groups = lib.optionalAttrs (cfg.group == "nginx") { nginx = { }; };

    networking.firewall.allowedTCPPorts = lib.optionals cfg.openFirewall ports;

    systemd.services.nginx = {
      description = "nginx web server";
      after = [ "network.target" ];
      wantedBy = [ "multi-user.target" ];
      restartTriggers = [ configFile ];
      sandbox = "strict";

      # Debian's nginx package ships its own nginx.service; ours is a full unit that
      # takes precedence. The empty first entries would reset Debian's commands and PID
      # file if a user made it a drop-in (overrideStrategy = "asDropin"); in a full unit
      # they change nothing.
      serviceConfig = {
        Type = "exec";
        PIDFile = "";
        ExecStartPre = [ "" "${nginx} -t -q -c ${configFile}" ];
        ExecStart = [ "" "${nginx} -c ${configFile}" ];
        ExecReload = [ "" "${nginx} -t -q -c ${configFile}" "/bin/kill -HUP $MAINPID" ];
        ExecStop = "";
        KillMode = "mixed";
        KillSignal = "SIGQUIT";
        TimeoutStopSec = "10s";
        Restart = "on-failure";

        User = cfg.user;
        Group = cfg.group;
        RuntimeDirectory = "nginx";
        CacheDirectory = "nginx";
        CacheDirectoryMode = "0750";
        UMask = "0027";

        # The rest is the "strict" preset (nixos/modules/security/sandbox.nix); the
        # capability to bind ports below 1024 when a virtual host listens on one.
        CapabilityBoundingSet = if needsBindCap then "CAP_NET_BIND_SERVICE" else "";
      } // lib.optionalAttrs needsBindCap {
        AmbientCapabilities = "CAP_NET_BIND_SERVICE";
        # A private user namespace would take the capability away.
        PrivateUsers = false;
      };
    };
  };
}
