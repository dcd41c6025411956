# services.your_app: the example web application and its RPC backend, as a NixOS-style
# options module. The two Python programs (app.py, backend.py; standard library only) are
# put in the store and run by Debian's python3. The shared password never enters the store
# or the environment: systemd hands the file named by `passwordFile` to each service as a
# credential (LoadCredential=), so the file may be readable by root only.
{ config, lib, pkgs, ... }:

let
  inherit (lib) mkOption mkEnableOption mkIf types;

  cfg = config.services.your_app;

  appScript = pkgs.writeText "your-app.py" (builtins.readFile ./app.py);
  backendScript = pkgs.writeText "your-app-backend.py" (builtins.readFile ./backend.py);
  python = "${pkgs.python3}/bin/python3";

  isLoopback = host: host == "localhost" || lib.hasPrefix "127." host || host == "::1";
  urlHost = host: if lib.hasInfix ":" host then "[${host}]" else host;

  # What both services share: a static unprivileged user on top of the "strict"
  # preset (sysnix's systemd.services.<name>.sandbox), only IP sockets, and the
  # password as the credential `password` ($CREDENTIALS_DIRECTORY/password).
  common = {
    sandbox = "strict";
    credentials.password = cfg.passwordFile;
    serviceConfig = {
      User = cfg.user;
      Group = cfg.group;
      RestrictAddressFamilies = [ "AF_INET" "AF_INET6" ];
      Restart = "on-failure";
      RestartSec = "2s";
    };
  };
in
{
  options.services.your_app = {
    enable = mkEnableOption "your_app, a small web service with an RPC backend";

    host = mkOption {
      type = types.str;
      default = "127.0.0.1";
      example = "0.0.0.0";
      description = "Address the web service listens on.";
    };

    port = mkOption {
      type = types.port;
      default = 8000;
      description = "TCP port of the web service.";
    };

    openFirewall = mkOption {
      type = types.bool;
      default = false;
      description = "Open `port` in the firewall.";
    };

    user = mkOption {
      type = types.str;
      default = "your_app";
      description = "System user both services run as (created when left at its default).";
    };

    group = mkOption {
      type = types.str;
      default = "your_app";
      description = "Group of `user` (created when left at its default).";
    };

    passwordFile = mkOption {
      type = types.secretFile;
      example = "/etc/your_app/password";
      description = ''
        Absolute path of a file holding the password the web service uses with the backend
        (surrounding white space is ignored). Read at start-up by systemd and passed as a
        credential, so it may be owned by root with mode 0600. The file is never copied
        into the store (a Nix path such as `./password` is taken as its path name).
      '';
    };

    backend = {
      host = mkOption {
        type = types.str;
        default = "127.0.0.1";
        description = "Address the RPC backend listens on (loopback keeps it private).";
      };
      port = mkOption {
        type = types.port;
        default = 8001;
        description = "TCP port of the RPC backend.";
      };
    };
  };

  config = mkIf cfg.enable {
    assertions = [
      {
        assertion = cfg.port != cfg.backend.port;
        message = "services.your_app.port and services.your_app.backend.port must differ.";
      }
    ];

    users.users = lib.optionalAttrs (cfg.user == "your_app") {
      your_app = {
        isSystemUser = true;
        group = cfg.group;
        description = "your_app web service";
      };
    };
    users.groups = lib.optionalAttrs (cfg.group == "your_app") { your_app = { }; };

    networking.firewall.allowedTCPPorts = lib.optional cfg.openFirewall cfg.port;

    systemd.services.your-app-backend = lib.mkMerge [ common {
      description = "your_app RPC backend";
      after = [ "network.target" ];
      wantedBy = [ "multi-user.target" ];
      environment = {
        BACKEND_HOST = cfg.backend.host;
        BACKEND_PORT = toString cfg.backend.port;
      };
      serviceConfig = {
        ExecStart = "${python} -I -B ${backendScript}";
      } // lib.optionalAttrs (isLoopback cfg.backend.host) {
        # Only this host's processes may talk to it.
        IPAddressDeny = "any";
        IPAddressAllow = "localhost";
      };
    } ];

    systemd.services.your-app = lib.mkMerge [ common {
      description = "your_app web service";
      after = [ "network.target" "your-app-backend.service" ];
      requires = [ "your-app-backend.service" ];
      wantedBy = [ "multi-user.target" ];
      environment = {
        APP_HOST = cfg.host;
        APP_PORT = toString cfg.port;
        BACKEND_URL = "http://${urlHost cfg.backend.host}:${toString cfg.backend.port}/RPC2";
      };
      serviceConfig.ExecStart = "${python} -I -B ${appScript}";
    } ];
  };
}
