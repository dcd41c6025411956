# services.nbd.server: the Network Block Device server (Debian's nbd-server).
#
# Option names follow NixOS' module of the same name. Differences in behaviour, on purpose:
#  - nbd-server runs as a dedicated system user (`user`/`group`, default "nbd"), started
#    that way by systemd: the generated `[generic]` section never carries `user =`/`group =`,
#    so nbd-server never changes its own identity (and needs no capability to do so).
#  - files to export are made writable with ReadWritePaths= (the rest of the file system is
#    read-only); block devices (paths under /dev/) are allowed one by one with DeviceAllow=
#    and the `disk` group.
{ config, lib, pkgs, ... }:

let
  inherit (lib) mkOption mkEnableOption mkIf types;

  cfg = config.services.nbd.server;

  # One value of nbd-server(5)'s ini file.
  iniFields = types.attrsOf (types.oneOf [ types.bool types.int types.float types.str ]);

  isDevice = path: lib.hasPrefix "/dev/" path;
  isReadOnly = export: (export.extraOptions.readonly or false) == true;

  deviceExports = lib.filter (e: isDevice e.path) (lib.attrValues cfg.exports);
  fileExports = lib.filter (e: !isDevice e.path) (lib.attrValues cfg.exports);
  hasDevices = deviceExports != [ ];
  # A missing file is skipped ("-") rather than failing the start: it may be created by
  # an ExecStartPre= inside a writable StateDirectory=.
  writableFiles = lib.filter (e: !isReadOnly e) fileExports;

  # allowAddresses becomes an authfile in the store: one address or CIDR per line.
  authFile = name: addresses:
    pkgs.writeText "nbd-authfile-${lib.strings.sanitizeDerivationName name}"
      (lib.concatMapStrings (address: address + "\n") addresses);

  genericSection = cfg.extraOptions
    // { port = cfg.listenPort; }
    // lib.optionalAttrs (cfg.listenAddress != null) { listenaddr = cfg.listenAddress; };

  exportSection = name: export:
    export.extraOptions
    // { exportname = export.path; }
    // lib.optionalAttrs (export.allowAddresses != null) {
      authfile = "${authFile name export.allowAddresses}";
    };

  # nbd-server wants `[generic]` before every export; toINI sorts sections by name, so the
  # generic section is rendered on its own and put first.
  toINI = lib.generators.toINI { };
  configText =
    toINI { generic = genericSection; }
    + lib.optionalString (cfg.exports != { }) ("\n" + toINI (lib.mapAttrs exportSection cfg.exports));
  configFile = pkgs.writeText "nbd-server.conf" configText;

  pidFile = "/run/nbd-server/nbd-server.pid";
  privilegedPort = cfg.listenPort < 1024;
in
{
  options.services.nbd.server = {
    enable = mkEnableOption "the Network Block Device (nbd) server";

    listenAddress = mkOption {
      type = types.nullOr types.str;
      default = null;
      example = "10.10.0.1";
      description = "Address nbd-server listens on; null listens on every address.";
    };

    listenPort = mkOption {
      type = types.port;
      default = 10809;
      description = ''
        TCP port nbd-server listens on. The firewall is not opened for it: add it to
        `networking.firewall.allowedTCPPorts` (or set `openFirewall`).
      '';
    };

    openFirewall = mkOption {
      type = types.bool;
      default = false;
      description = "Open `listenPort` in the firewall (not a NixOS option; NixOS leaves this to you).";
    };

    user = mkOption {
      type = types.str;
      default = "nbd";
      description = ''
        System user nbd-server runs as. It must be able to read (and, unless the export is
        read-only, write) every exported file. The default user is created by this module.
      '';
    };

    group = mkOption {
      type = types.str;
      default = "nbd";
      description = "Primary group of `user`; created by this module when left at its default.";
    };

    extraOptions = mkOption {
      type = iniFields;
      default = { allowlist = false; };
      example = { allowlist = true; max_threads = 8; };
      description = ''
        Settings of the `[generic]` section; see nbd-server(5). `port` and `listenaddr` come
        from `listenPort` and `listenAddress`; `user` and `group` are refused (systemd
        already starts the server as `user`).
      '';
    };

    exports = mkOption {
      default = { };
      description = "Files or block devices served over the network, by export name.";
      example = lib.literalExpression ''
        {
          public.path = "/var/lib/nbd/public.img";
          private = { path = "/var/lib/nbd/private.img"; allowAddresses = [ "127.0.0.1" ]; };
        }
      '';
      type = types.attrsOf (types.submodule {
        options = {
          path = mkOption {
            type = types.str;
            example = "/dev/sdb1";
            description = "File or block device to export.";
          };
          allowAddresses = mkOption {
            type = types.nullOr (types.listOf types.str);
            default = null;
            example = [ "10.10.0.0/24" "127.0.0.1" ];
            description = ''
              Addresses and networks allowed to use this export (written to an authfile);
              null allows every client.
            '';
          };
          extraOptions = mkOption {
            type = iniFields;
            default = { flush = true; fua = true; };
            example = { readonly = true; };
            description = "Settings of this export's section; see nbd-server(5).";
          };
        };
      });
    };
  };

  config = mkIf cfg.enable {
    assertions = [
      {
        assertion = !(cfg.exports ? generic);
        message = "services.nbd.server.exports: an export cannot be named `generic` (that section holds the server's settings).";
      }
      {
        assertion = !(cfg.extraOptions ? user || cfg.extraOptions ? group);
        message = "services.nbd.server.extraOptions: do not set `user`/`group`; systemd runs nbd-server as services.nbd.server.user/group.";
      }
    ];

    users.users = lib.optionalAttrs (cfg.user == "nbd") {
      nbd = {
        isSystemUser = true;
        group = cfg.group;
        description = "Network Block Device server";
      };
    };
    users.groups = lib.optionalAttrs (cfg.group == "nbd") { nbd = { }; };

    networking.firewall.allowedTCPPorts = lib.optional cfg.openFirewall cfg.listenPort;

    systemd.services.nbd-server = {
      description = "Network Block Device server";
      after = [ "network.target" ];
      wantedBy = [ "multi-user.target" ];
      restartTriggers = [ configFile ];
      sandbox = "strict";

      serviceConfig = {
        Type = "forking";
        ExecStart = "${pkgs.nbd}/bin/nbd-server -C ${configFile} -p ${pidFile}";
        PIDFile = pidFile;
        RuntimeDirectory = "nbd-server";
        Restart = "on-failure";

        User = cfg.user;
        Group = cfg.group;

        # The "strict" preset (nixos/modules/security/sandbox.nix), but for what
        # exporting needs: devices when a block device is exported (with exactly
        # those devices allowed), the port capability below 1024.
        PrivateDevices = !hasDevices;
        PrivateUsers = !hasDevices && !privilegedPort;
        CapabilityBoundingSet = if privilegedPort then "CAP_NET_BIND_SERVICE" else "";
        # Not "~@resources": GLib (nbd-server's thread pools) checks that it may call
        # sched_setattr; refused, it hands thread creation to a helper thread, which the
        # per-connection fork() does not copy, and every connection hangs.
        SystemCallFilter = [ "@system-service" "~@privileged" ];
      }
      # Empty lists are left out rather than rendered as resetting `Key=` lines.
      // lib.optionalAttrs (writableFiles != [ ]) {
        ReadWritePaths = map (e: "-${e.path}") writableFiles;
      }
      // lib.optionalAttrs hasDevices {
        SupplementaryGroups = [ "disk" ];
        DeviceAllow = map (e: "${e.path} ${if isReadOnly e then "r" else "rw"}") deviceExports;
      }
      // lib.optionalAttrs privilegedPort {
        AmbientCapabilities = "CAP_NET_BIND_SERVICE";
      };
    };
  };
}
