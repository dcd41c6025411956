# `environment.etc`: files placed under /etc, NixOS's options and meaning.
#
# Each entry names its file relative to /etc (`target`, by default the
# attribute name) and its content (`text`, or `source`, a store path or any
# absolute path). `mode = "symlink"` (the default) makes /etc/<target> a
# symlink into the store; an octal mode ("0440") makes it a copied file
# with that mode, owned by `user`/`group`.
#
# The toplevel builds `etc/` from these (see ../activation/top-level.nix)
# and lists them in the manifest; `system.build.etcEntries` is the list it
# uses.
{ config, options, lib, pkgs, ... }:

let
  inherit (lib) mkOption types mkIf mkDefault;

  # A store-name-safe file name for text entries.
  safeName = name: "etc-" + lib.replaceStrings [ "/" "@" ":" " " ] [ "-" "_" "_" "_" ] (builtins.baseNameOf name);

  etcModule = { name, config, options, ... }: {
    options = {
      enable = mkOption {
        type = types.bool;
        default = true;
        description = "Whether this file is generated.";
      };
      target = mkOption {
        type = types.str;
        description = "Name of the file, relative to /etc. Defaults to the attribute name.";
      };
      text = mkOption {
        type = types.nullOr types.lines;
        default = null;
        description = "Text of the file (sets `source`).";
      };
      source = mkOption {
        type = types.path;
        description = "The file (or directory) linked or copied to /etc/<target>.";
      };
      mode = mkOption {
        type = types.str;
        default = "symlink";
        example = "0600";
        description = ''
          `symlink` (a symlink into the store) or an octal mode: the file is
          then copied, with that mode and the owner below.
        '';
      };
      uid = mkOption {
        type = types.int;
        default = 0;
        description = "Owner (user id) of a copied file.";
      };
      gid = mkOption {
        type = types.int;
        default = 0;
        description = "Group id of a copied file.";
      };
      user = mkOption {
        type = types.str;
        default = "+${toString config.uid}";
        description = "Owner of a copied file, by name (takes precedence over uid); `+<n>` is a numeric id.";
      };
      group = mkOption {
        type = types.str;
        default = "+${toString config.gid}";
        description = "Group of a copied file, by name (takes precedence over gid); `+<n>` is a numeric id.";
      };
    };
    config = {
      target = mkDefault name;
      source = mkIf (config.text != null) (mkDefault (pkgs.writeText (safeName name) config.text));
    };
  };

  enabled = lib.filter (e: e.enable) (lib.attrValues config.environment.etc);

  entries = map (e: {
    inherit (e) target mode user group uid gid;
    # A path value is copied into the store (as NixOS does), so /etc never points
    # back into the configuration's directory; a missing file fails here.
    source = if builtins.isPath e.source then "${e.source}" else toString e.source;
  }) enabled;
  # A `source` path that does not exist, named with the file that defines it (checked
  # before anything is copied, so the error points at the user's configuration).
  missingSources = lib.concatMap
    (def: lib.concatLists (lib.mapAttrsToList
      (name: entry:
        let src = entry.source or null; in
        lib.optional (builtins.isPath src && !builtins.pathExists src) {
          assertion = false;
          message = "environment.etc.\"${name}\".source: ${toString src} does not exist (defined in ${def.file}); create the file or fix the path.";
        })
      (if builtins.isAttrs def.value then def.value else { })))
    options.environment.etc.definitionsWithLocations;
in
{
  options.environment.etc = mkOption {
    type = types.attrsOf (types.submodule etcModule);
    default = { };
    example = {
      "my.conf".text = "x = 1";
      "sudoers.d/admins" = { text = "%admins ALL=(ALL) ALL\n"; mode = "0440"; };
    };
    description = "Files placed in /etc.";
  };

  config = {
    # The enabled entries (target, source, mode, user, group, uid, gid).
    system.build.etcEntries = entries;

    assertions =
      let
        targets = map (e: e.target) enabled;
        dups = lib.unique (lib.filter (t: lib.count (x: x == t) targets > 1) targets);
      in
      [
        {
          assertion = dups == [ ];
          message = "environment.etc: several entries have the same target: ${lib.concatStringsSep ", " dups}.";
        }
      ] ++ map (e: {
        assertion = e.mode == "symlink" || builtins.match "[0-7]{3,4}" e.mode != null;
        message = "environment.etc.\"${e.target}\".mode must be \"symlink\" or an octal mode such as \"0644\", not \"${e.mode}\".";
      }) enabled
      ++ missingSources
      ++ map (e: {
        assertion = !(lib.hasPrefix "/" e.target) && !(lib.hasInfix ".." e.target);
        message = "environment.etc: target \"${e.target}\" must be a relative path inside /etc.";
      }) enabled;
  };
}
