# Keys: secrets given to services without entering the store (the
# behaviour of NixOps' `deployment.keys`).
#
#   deployment.keys.db-password = {
#     text = "…";                     # or keyFile = ./db.key; or keyCommand = [ "pass" "db" ];
#     user = "app"; group = "keys"; permissions = "0640";
#   };
#
# The store is world-readable, so a key's content never appears in a
# derivation or store file: the toplevel's manifest (`keys`) holds only
# metadata (where, owner, mode, the source kind, a keyFile's path, a
# keyCommand's argv). Where the content comes from:
#   text        `sysnix build` writes it root-only beside the store, to
#               <store>/../var/keys/<toplevel basename>/<attribute name>;
#   keyFile     a file on the machine, read when the key is placed (a Nix
#               path such as ./key is kept as a string, never copied);
#   keyCommand  a program run when the key is placed (its stdout).
# Activation writes each key to `path` (destDir/name, /run/keys by default,
# which it makes root:keys 0750) with its owner and mode, and removes the
# keys it placed that the new system no longer declares.
#
# After a boot (/run/keys is a tmpfs) `sysnix-keys.service` places the keys
# of the running system that are missing, from the same sources: its
# script is generated from the metadata and finds the root-only copies of
# the text keys through /etc/sysnix/static (the running toplevel).
#
# Waiting for a key: each key gets `<attribute name>-key.service`, active
# while the key file exists. A service that needs the key does
#
#   systemd.services.app = {
#     wants = [ "db-password-key.service" ];
#     after = [ "db-password-key.service" ];
#   };
#
# and starts only once the key is there (the key unit blocks in
# ExecStartPre until the file exists). When the file is deleted the key
# unit's main process exits and the unit goes back to waiting
# (Restart=always); add `partOf`/`bindsTo` on the key unit to have the
# service follow it.
{ config, lib, pkgs, utils, ... }:

let
  inherit (lib) mkOption types mapAttrs' nameValuePair attrValues mapAttrsToList
    concatMapStrings escapeShellArg escapeShellArgs mkIf filter;

  cfg = config.deployment.keys;

  keyModule = { name, config, ... }: {
    options = {
      text = mkOption {
        # Marked as a secret: if it flowed into a store path, the build would fail.
        type = types.nullOr types.secret;
        default = null;
        description = ''
          The key itself. It never enters the store: `sysnix build` keeps a
          root-only copy beside it, activation places it. Exactly one of
          text, keyFile and keyCommand is set.
        '';
      };
      keyFile = mkOption {
        type = types.nullOr types.path;
        default = null;
        apply = f: if f == null then null else toString f;
        example = "/root/secrets/db.key";
        description = ''
          A file on the machine holding the key, read each time the key is
          placed (activation, boot). A Nix path is kept as its file name and
          never copied to the store.
        '';
      };
      keyCommand = mkOption {
        type = types.nullOr (types.listOf types.str);
        default = null;
        example = [ "pass" "show" "db" ];
        description = ''
          A command (argv, no shell) whose standard output is the key, run
          as root each time the key is placed (activation, boot).
        '';
      };
      name = mkOption {
        type = types.str;
        default = name;
        description = "The key's file name in destDir (defaults to the attribute name).";
      };
      destDir = mkOption {
        type = types.str;
        default = "/run/keys";
        description = ''
          Where the key is placed. /run/keys is a tmpfs (keys are placed
          again after a boot) owned root:keys, mode 0750.
        '';
      };
      user = mkOption {
        type = types.str;
        default = "root";
        description = "Owner of the key file.";
      };
      group = mkOption {
        type = types.str;
        default = "root";
        description = "Group of the key file.";
      };
      permissions = mkOption {
        type = types.str;
        default = "0600";
        example = "0640";
        description = "Mode of the key file (octal).";
      };
      path = mkOption {
        type = types.str;
        readOnly = true;
        description = "Where the key is: destDir/name.";
      };
    };
    config.path = "${config.destDir}/${config.name}";
  };

  sourceKind = k:
    if k.text != null then "text"
    else if k.keyFile != null then "keyFile"
    else "keyCommand";

  setSources = k: filter (s: k.${s} != null) [ "text" "keyFile" "keyCommand" ];

  # Beside the store, as sysnix-build and sysnix-apply compute it.
  varDir = "${dirOf builtins.storeDir}/var";

  # `wait PATH` returns once PATH exists; `watch PATH` returns once it is gone.
  keyWatch = pkgs.writeScript "sysnix-key-watch" ''
    #!/bin/sh
    # Stopped (SIGTERM) is a clean end, not a failure.
    trap 'exit 0' TERM INT
    case "$1" in
      wait) while [ ! -e "$2" ]; do sleep 1; done ;;
      watch) while [ -e "$2" ]; do sleep 1; done; echo "$2 was removed" ;;
      *) echo "usage: $0 wait|watch PATH" >&2; exit 2 ;;
    esac
  '';

  keyUnit = attr: k: nameValuePair "${attr}-key" {
    description = "Key ${k.name} (${k.path})";
    wantedBy = [ "multi-user.target" ];
    after = [ "sysnix-keys.service" ];
    startLimitIntervalSec = 0;
    serviceConfig = {
      Type = "simple";
      ExecStartPre = "${keyWatch} wait ${utils.escapeSystemdExecArg k.path}";
      ExecStart = "${keyWatch} watch ${utils.escapeSystemdExecArg k.path}";
      Restart = "always";
      RestartSec = "1s";
      TimeoutStartSec = "infinity";
      # It only looks at one path.
      CapabilityBoundingSet = "";
      NoNewPrivileges = true;
      ProtectSystem = "strict";
      ProtectHome = "read-only";
      PrivateNetwork = true;
      PrivateDevices = true;
      PrivateIPC = true;
      ProtectKernelTunables = true;
      ProtectKernelModules = true;
      ProtectKernelLogs = true;
      ProtectControlGroups = true;
      ProtectClock = true;
      ProtectHostname = true;
      ProtectProc = "invisible";
      ProcSubset = "pid";
      RestrictAddressFamilies = "none";
      RestrictNamespaces = true;
      RestrictRealtime = true;
      RestrictSUIDSGID = true;
      LockPersonality = true;
      MemoryDenyWriteExecute = true;
      SystemCallArchitectures = "native";
      SystemCallFilter = [ "@system-service" "~@privileged @resources" ];
      IPAddressDeny = "any";
      UMask = "0077";
    };
  };

  # The boot-time placement: one `place` line per key, from metadata only.
  placeLine = attr: k:
    let
      args = escapeShellArgs [ k.name k.path k.user k.group k.permissions ];
      run =
        if k.text != null then ''cat "$copies"/${escapeShellArg attr}''
        else if k.keyFile != null then escapeShellArgs [ "cat" k.keyFile ]
        else if k.keyCommand != null then escapeShellArgs k.keyCommand
        else "false"; # no source: an assertion fails the build
    in
    "place ${args} ${run}\n";

  placeScript = pkgs.writeScript "sysnix-keys-place" (''
    #!/bin/sh
    # Places the keys of the running system that are missing (after a boot,
    # /run/keys is empty); keys already there are left as they are.
    set -u
    umask 077
    static=$(readlink /etc/sysnix/static) || { echo "/etc/sysnix/static is missing: no system to place keys for" >&2; exit 1; }
    toplevel=''${static%/etc}
    copies=${escapeShellArg "${varDir}/keys"}/''${toplevel##*/}
    failed=0

    # place NAME PATH USER GROUP MODE COMMAND...: COMMAND's output becomes the
    # key, written beside PATH, given its owner and mode, renamed into place.
    place() {
      name=$1 path=$2 owner=$3:$4 mode=$5
      shift 5
      [ -e "$path" ] && return 0
      dir=''${path%/*}
      if [ "$dir" = /run/keys ] || [ ! -d "$dir" ]; then
        mkdir -p "$dir" && chown root:keys "$dir" && chmod 0750 "$dir" || { failed=1; return 0; }
      fi
      tmp=$(mktemp "$dir/.$name.XXXXXX") || { failed=1; return 0; }
      if "$@" > "$tmp" && chown "$owner" "$tmp" && chmod "$mode" "$tmp" && mv -f "$tmp" "$path"; then
        echo "placed key $name at $path"
      else
        echo "key $name: could not be placed at $path (from: $*)" >&2
        rm -f "$tmp"
        failed=1
      fi
    }

  '' + concatMapStrings (attr: placeLine attr cfg.${attr}) (builtins.attrNames cfg) + ''

    exit $failed
  '');
in
{
  options.deployment.keys = mkOption {
    type = types.attrsOf (types.submodule keyModule);
    default = { };
    example = lib.literalExpression ''
      { db-password = { keyFile = "/root/db.key"; user = "app"; group = "keys"; permissions = "0640"; }; }
    '';
    description = ''
      Secrets placed on the machine outside the store (by default in
      /run/keys), each with a `<name>-key.service` that is active while
      the key file exists.
    '';
  };

  config = {
    # Members of `keys` may enter /run/keys. Only with keys: a host that has
    # none gets no new group (NixOS always has it).
    users.groups.keys = mkIf (cfg != { }) { };

    assertions = lib.concatLists (mapAttrsToList (attr: k:
      let opt = "deployment.keys.${lib.strings.escapeNixIdentifier attr}"; in [
        {
          assertion = builtins.length (setSources k) == 1;
          message = "${opt}: exactly one of text, keyFile and keyCommand must be set"
            + lib.optionalString (setSources k != [ ]) " (set: ${lib.concatStringsSep ", " (setSources k)})";
        }
        {
          assertion = builtins.match "[0-7]{3,4}" k.permissions != null;
          message = "${opt}.permissions must be an octal mode such as \"0600\", not \"${k.permissions}\"";
        }
        {
          assertion = k.name != "" && !(lib.hasInfix "/" k.name) && k.name != "." && k.name != "..";
          message = "${opt}.name must be a file name (no /), not \"${k.name}\"";
        }
        {
          assertion = lib.hasPrefix "/" k.destDir;
          message = "${opt}.destDir must be an absolute path, not \"${k.destDir}\"";
        }
      ]) cfg);

    systemd.services = mkIf (cfg != { }) (mapAttrs' keyUnit cfg // {
      sysnix-keys = {
        description = "Place the keys of the running sysnix system";
        wantedBy = [ "multi-user.target" ];
        after = [ "local-fs.target" ];
        serviceConfig = {
          Type = "oneshot";
          RemainAfterExit = true;
          ExecStart = "${placeScript}";
        };
      };
    });

    # No key content here: see the manifest's `keys` in nixos/README.md.
    system.build.keysManifest = mapAttrsToList (attr: k: {
      inherit attr;
      inherit (k) name path destDir user group permissions keyFile keyCommand;
      source = sourceKind k;
      unit = "${attr}-key.service";
    }) cfg;
  };
}
