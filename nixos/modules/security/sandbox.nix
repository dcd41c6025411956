# Hardening presets and credentials for services (sysnix additions; NixOS has
# neither option, every NixOS module spells its hardening out):
#
#   systemd.services.<name>.sandbox = "strict";
#   systemd.services.<name>.credentials.password = "/etc/app/password";
#
# A preset is a set of `serviceConfig` settings defined at priority 1200
# (`presetPriority`): weaker than an ordinary definition (100) and than
# `mkDefault` (1000), stronger than an option's default. Any one setting is
# changed by defining it as usual:
#
#   systemd.services.app = {
#     sandbox = "strict";
#     serviceConfig.PrivateNetwork = true;              # adds to the preset
#     serviceConfig.ProtectHome = "read-only";          # replaces the preset's value
#     serviceConfig.SystemCallFilter = [ "@system-service" ];  # replaces the whole list
#   };
#
# The presets (docs/hardening.md has the reasons and the scores):
#   "none"    nothing (the default);
#   "basic"   what almost every service, root ones included, runs with: a
#             read-only /usr and /boot, a private /tmp, no kernel tunables,
#             modules, logs, clock or hostname changes, no realtime, no
#             set-uid files, no new namespaces, native system calls only;
#   "strict"  for a daemon that runs as its own unprivileged user (User= or
#             DynamicUser=): everything in "basic", plus a read-only file
#             system (give it StateDirectory=/ReadWritePaths=), no home
#             directories, no devices, no capabilities, no new privileges,
#             a private user namespace, only Unix and IP sockets, and the
#             @system-service system calls minus @privileged and @resources.
#             It scores about 1.1 with `sysnix security`.
#
# `credentials.<id> = path` renders `LoadCredential=<id>:<path>`: systemd
# reads the file as root when the service starts and hands the service a
# private copy at $CREDENTIALS_DIRECTORY/<id>, so the file itself can stay
# root-only and the secret never enters the store.
{ lib, ... }:

let
  inherit (lib) mkOption types mkOverride mapAttrs mapAttrsToList mkIf mkMerge;

  presetPriority = 1200;

  basic = {
    ProtectSystem = "full";
    PrivateTmp = true;
    ProtectProc = "invisible";
    ProtectClock = true;
    ProtectHostname = true;
    ProtectKernelLogs = true;
    ProtectKernelModules = true;
    ProtectKernelTunables = true;
    ProtectControlGroups = true;
    RestrictNamespaces = true;
    RestrictRealtime = true;
    RestrictSUIDSGID = true;
    LockPersonality = true;
    SystemCallArchitectures = "native";
  };

  strict = basic // {
    ProtectSystem = "strict";
    ProtectHome = true;
    PrivateDevices = true;
    DevicePolicy = "closed";
    PrivateUsers = true;
    PrivateMounts = true;
    ProcSubset = "pid";
    NoNewPrivileges = true;
    CapabilityBoundingSet = "";
    AmbientCapabilities = "";
    RestrictAddressFamilies = [ "AF_UNIX" "AF_INET" "AF_INET6" ];
    MemoryDenyWriteExecute = true;
    RemoveIPC = true;
    SystemCallFilter = [ "@system-service" "~@privileged @resources" ];
    SystemCallErrorNumber = "EPERM";
    UMask = "0077";
  };

  presets = { none = { }; inherit basic strict; };

  serviceModule = { name, config, ... }: {
    options = {
      sandbox = mkOption {
        type = types.enum (builtins.attrNames presets);
        default = "none";
        example = "strict";
        description = ''
          A hardening preset for the service: "none", "basic" (for services
          that must run as root or see most of the system) or "strict" (for
          a daemon with its own unprivileged user). Each setting of the
          preset can be overridden by defining it in `serviceConfig`.
        '';
      };

      credentials = mkOption {
        type = types.attrsOf types.secretFile;
        default = { };
        example = { password = "/etc/your_app/password"; };
        description = ''
          Files systemd hands to the service as credentials
          (`LoadCredential=<id>:<path>`): read by systemd as root at start,
          visible to the service only, as `$CREDENTIALS_DIRECTORY/<id>`. The
          paths are absolute paths outside the store; the files are never
          copied into it.
        '';
      };
    };

    config = mkMerge [
      { serviceConfig = mapAttrs (_: mkOverride presetPriority) presets.${config.sandbox}; }
      (mkIf (config.credentials != { }) {
        serviceConfig.LoadCredential = mapAttrsToList (id: path: "${id}:${path}") config.credentials;
      })
    ];
  };
in
{
  options.systemd.services = mkOption {
    type = types.attrsOf (types.submodule serviceModule);
  };

}
