# Users and groups: `users.users.<name>` and `users.groups.<name>`, NixOS's
# options (the declarative subset: no passwords) and assertions.
#
# Rendered as
#   - etc/sysusers.d/00-sysnix.conf (systemd-sysusers): a `g` line per
#     group, a `u name uid:group "description" home shell` line per system
#     user (and per normal user with a fixed uid), `m user group` lines for
#     extraGroups and group members. Normal users without a uid are not in
#     it: activation creates them (uids from 1000 up), from the manifest;
#   - tmpfiles rules creating the homes with createHome;
#   - etc/ssh/authorized_keys.d/<user> for openssh.authorizedKeys;
#   - the manifest's `users` and `groups` (system.build.usersManifest).
{ config, lib, pkgs, utils, ... }:

let
  inherit (lib) mkOption types mkIf mkDefault mapAttrsToList filterAttrs
    concatStringsSep concatMapStringsSep optional optionals attrValues;

  cfg = config.users;

  userModule = { name, config, ... }: {
    options = {
      name = mkOption {
        type = types.passwdEntry types.str;
        description = "The user's login name (defaults to the attribute name).";
      };
      description = mkOption {
        type = types.passwdEntry types.str;
        default = "";
        example = "Alice Q. User";
        description = "The user's description, usually the full name (the GECOS field).";
      };
      uid = mkOption {
        type = types.nullOr types.int;
        default = null;
        description = "The user id; null lets it be allocated.";
      };
      isSystemUser = mkOption {
        type = types.bool;
        default = false;
        description = "Whether this is a system user (a uid below 1000, no home by default). Exactly one of isSystemUser and isNormalUser must be set.";
      };
      isNormalUser = mkOption {
        type = types.bool;
        default = false;
        description = ''
          Whether this is a user account for a person: sets group to
          `users`, home to /home/<name>, createHome and a login shell as
          defaults.
        '';
      };
      group = mkOption {
        type = types.str;
        default = "";
        description = "The user's primary group (must be set for system users).";
      };
      extraGroups = mkOption {
        type = types.listOf types.str;
        default = [ ];
        description = "Further groups the user belongs to.";
      };
      home = mkOption {
        type = types.passwdEntry types.path;
        default = "/var/empty";
        description = "The user's home directory.";
      };
      homeMode = mkOption {
        type = types.strMatching "[0-7]{1,5}";
        default = "700";
        description = "Mode of the home directory created with createHome.";
      };
      createHome = mkOption {
        type = types.bool;
        default = false;
        description = "Whether the home directory is created (owned by the user) when missing.";
      };
      shell = mkOption {
        type = types.nullOr (types.either types.shellPackage (types.passwdEntry types.path));
        default = pkgs.shadow;
        defaultText = lib.literalExpression "pkgs.shadow";
        example = lib.literalExpression "pkgs.bashInteractive";
        description = ''
          The login shell: a package (its shell program on the host) or a
          path. The default, pkgs.shadow, is nologin.
        '';
      };
      openssh.authorizedKeys = {
        keys = mkOption {
          type = types.listOf types.singleLineStr;
          default = [ ];
          description = "Public SSH keys allowed to log in as this user (etc/ssh/authorized_keys.d/<user>).";
        };
        keyFiles = mkOption {
          type = types.listOf types.path;
          default = [ ];
          description = "Files of public SSH keys allowed to log in as this user.";
        };
      };
    };
    config = lib.mkMerge [
      { name = mkDefault name; }
      (mkIf config.isNormalUser {
        group = mkDefault "users";
        createHome = mkDefault true;
        home = mkDefault "/home/${config.name}";
        homeMode = mkDefault "700";
        shell = mkDefault cfg.defaultUserShell;
      })
    ];
  };

  groupModule = { name, ... }: {
    options = {
      name = mkOption {
        type = types.passwdEntry types.str;
        description = "The group's name (defaults to the attribute name).";
      };
      gid = mkOption {
        type = types.nullOr types.int;
        default = null;
        description = "The group id; null lets it be allocated.";
      };
      members = mkOption {
        type = types.listOf (types.passwdEntry types.str);
        default = [ ];
        description = "Users belonging to the group (besides those naming it in extraGroups).";
      };
    };
    config.name = mkDefault name;
  };

  users = attrValues cfg.users;
  groups = attrValues cfg.groups;

  shellPath = u: if u.shell == null then null else utils.toShellPath u.shell;

  quote = s: "\"${lib.replaceStrings [ "\"" ] [ "'" ] s}\"";
  orDash = v: if v == null || v == "" then "-" else toString v;

  # Users systemd-sysusers creates: system users, and normal users whose
  # uid is fixed.
  sysusersUsers = lib.filter (u: u.isSystemUser || u.uid != null) users;

  sysusersText = concatStringsSep "\n" (
    map (g: "g ${g.name} ${orDash g.gid}") groups
    ++ map (u: "u ${u.name} ${orDash u.uid}${lib.optionalString (u.group != "") ":${u.group}"} ${quote u.description} ${u.home} ${orDash (shellPath u)}") sysusersUsers
    ++ lib.concatMap (u: map (g: "m ${u.name} ${g}") u.extraGroups) users
    ++ lib.concatMap (g: map (m: "m ${m} ${g.name}") g.members) groups
  ) + "\n";

  homeRules = map (u:
    "d ${u.home} ${u.homeMode} ${u.name} ${if u.group == "" then "-" else u.group} -")
    (lib.filter (u: u.createHome && u.home != "/var/empty") users);

  usersWithKeys = lib.filter (u: u.openssh.authorizedKeys.keys != [ ] || u.openssh.authorizedKeys.keyFiles != [ ]) users;

  authorizedKeysText = u:
    concatMapStringsSep "\n" lib.id u.openssh.authorizedKeys.keys + "\n"
    + lib.concatMapStrings (f: builtins.readFile f + "\n") u.openssh.authorizedKeys.keyFiles;

  uids = lib.filter (x: x != null) (map (u: u.uid) users);
  gids = lib.filter (x: x != null) (map (g: g.gid) groups);
  duplicates = xs: lib.unique (lib.filter (x: lib.count (y: y == x) xs > 1) xs);
in
{
  options.users = {
    users = mkOption {
      type = types.attrsOf (types.submodule userModule);
      default = { };
      example = {
        alice = { isNormalUser = true; extraGroups = [ "wheel" ]; };
        nbd = { isSystemUser = true; group = "nbd"; };
      };
      description = "User accounts.";
    };
    groups = mkOption {
      type = types.attrsOf (types.submodule groupModule);
      default = { };
      example = { students.gid = 1001; };
      description = "Groups.";
    };
    defaultUserShell = mkOption {
      type = types.either types.shellPackage (types.passwdEntry types.path);
      default = pkgs.bashInteractive;
      defaultText = lib.literalExpression "pkgs.bashInteractive";
      description = "The login shell of normal users that set none.";
    };
  };

  config = {
    environment.etc = {
      "sysusers.d/00-sysnix.conf" = mkIf (users != [ ] || groups != [ ]) { text = sysusersText; };
    } // lib.listToAttrs (map (u: lib.nameValuePair "ssh/authorized_keys.d/${u.name}" {
      text = authorizedKeysText u;
      mode = "0444";
    }) usersWithKeys);

    systemd.tmpfiles.rules = homeRules;

    # For the manifest (../system/activation/top-level.nix).
    system.build.usersManifest = {
      users = lib.listToAttrs (map (u: lib.nameValuePair u.name {
        inherit (u) uid group extraGroups home createHome description isSystemUser isNormalUser homeMode;
        shell = shellPath u;
      }) users);
      groups = lib.listToAttrs (map (g: lib.nameValuePair g.name { inherit (g) gid members; }) groups);
    };

    assertions =
      lib.concatMap (u: [
        {
          assertion = u.isSystemUser != u.isNormalUser;
          message = "users.users.${u.name}: exactly one of isSystemUser and isNormalUser must be set.";
        }
        {
          assertion = u.isNormalUser || u.group != "";
          message = "users.users.${u.name}.group is unset: a system user needs a primary group (e.g. group = \"${u.name}\"; users.groups.${u.name} = { };).";
        }
        {
          assertion = !u.isSystemUser || u.uid == null || u.uid < 1000;
          message = "users.users.${u.name}: a system user's uid must be below 1000 (got ${toString u.uid}).";
        }
        {
          assertion = !u.isNormalUser || u.uid == null || u.uid >= 1000;
          message = "users.users.${u.name}: a normal user's uid must be 1000 or above (got ${toString u.uid}).";
        }
      ]) users
      ++ [
        {
          assertion = duplicates uids == [ ];
          message = "users.users: several users have the uid ${concatMapStringsSep ", " toString (duplicates uids)}.";
        }
        {
          assertion = duplicates gids == [ ];
          message = "users.groups: several groups have the gid ${concatMapStringsSep ", " toString (duplicates gids)}.";
        }
      ];
  };
}
