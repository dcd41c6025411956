# systemd-tmpfiles: `systemd.tmpfiles.rules` (raw lines) and
# `systemd.tmpfiles.settings` (structured, one file per attribute),
# rendered to etc/tmpfiles.d/ as NixOS does:
#   rules                     -> etc/tmpfiles.d/00-sysnix.conf
#   settings.<file>.<path>.<type> -> etc/tmpfiles.d/<file>.conf
# `system.build.tmpfilesLines` holds every line (for the manifest).
{ config, lib, ... }:

let
  inherit (lib) mkOption types mapAttrsToList concatLists concatStringsSep;

  cfg = config.systemd.tmpfiles;

  entryModule = { name, ... }: {
    options = {
      type = mkOption {
        type = types.str;
        default = name;
        example = "d";
        description = "The line's type (d, f, L, z, …; see tmpfiles.d(5)); defaults to the attribute name.";
      };
      mode = mkOption {
        type = types.str;
        default = "-";
        example = "0755";
        description = "The file mode (`-`: the default).";
      };
      user = mkOption {
        type = types.str;
        default = "-";
        description = "The owner (`-`: root).";
      };
      group = mkOption {
        type = types.str;
        default = "-";
        description = "The group (`-`: root).";
      };
      age = mkOption {
        type = types.str;
        default = "-";
        example = "10d";
        description = "Age after which contents are cleaned up (`-`: never).";
      };
      argument = mkOption {
        type = types.str;
        default = "";
        description = "The type's argument (a symlink target, file content, …).";
      };
    };
  };

  # Spaces and backslashes in a path are escaped C-style.
  escapePath = p: lib.replaceStrings [ "\\" " " ] [ "\\\\" "\\x20" ] p;

  settingsLines = file: concatLists (mapAttrsToList (path: types':
    mapAttrsToList (_: e:
      lib.removeSuffix " " "${e.type} ${escapePath path} ${e.mode} ${e.user} ${e.group} ${e.age} ${e.argument}")
      types') file);
in
{
  options.systemd.tmpfiles = {
    rules = mkOption {
      type = types.listOf types.str;
      default = [ ];
      example = [ "d /tmp 1777 root root 10d" ];
      description = "tmpfiles.d(5) lines (etc/tmpfiles.d/00-sysnix.conf).";
    };
    settings = mkOption {
      type = types.attrsOf (types.attrsOf (types.attrsOf (types.submodule entryModule)));
      default = { };
      example = { "10-mypackage"."/var/lib/my-service".d = { mode = "0750"; user = "me"; }; };
      description = ''
        Structured tmpfiles.d(5) lines: `settings.<file>.<path>.<type>`
        gives a line of etc/tmpfiles.d/<file>.conf.
      '';
    };
  };

  config = {
    environment.etc = lib.optionalAttrs (cfg.rules != [ ]) {
      "tmpfiles.d/00-sysnix.conf".text = concatStringsSep "\n" cfg.rules + "\n";
    } // lib.mapAttrs' (file: entries: lib.nameValuePair "tmpfiles.d/${file}.conf" {
      text = concatStringsSep "\n" (settingsLines entries) + "\n";
    }) cfg.settings;

    system.build.tmpfilesLines = cfg.rules ++ concatLists (mapAttrsToList (_: settingsLines) cfg.settings);
  };
}
