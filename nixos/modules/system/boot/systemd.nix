# systemd units: `systemd.services`, `systemd.sockets`, `systemd.timers`,
# `systemd.targets`, `systemd.paths` and the raw `systemd.units`, with
# NixOS's option names and rendering (see ../../../lib/systemd-lib.nix).
#
# Every unit ends up in `systemd.units."<name>.<type>"` with its `text` and
# a derivation `unit` holding the file. `system.build.units` is the unit
# directory (files, drop-ins, aliases and `.wants`/`.requires`/`.upholds`
# links) that the toplevel places at etc/systemd/system.
{ config, lib, pkgs, utils, ... }:

let
  inherit (lib) mkOption types mapAttrs' nameValuePair filterAttrs
    mapAttrsToList concatStrings concatMapStrings escapeShellArg mkDefault;

  cfg = config.systemd;
  sd = utils.systemdUtils.lib;

  unitsOf = kind: toUnit: defs:
    mapAttrs' (n: v: nameValuePair "${n}.${kind}" (toUnit v)) defs;

  # Options of `systemd.units.<name>`: a unit given by its text.
  unitModule = { name, config, ... }: {
    options = {
      text = mkOption {
        type = types.nullOr types.str;
        default = null;
        description = "The text of the unit file.";
      };
      unit = mkOption {
        type = types.package;
        internal = true;
        description = "The derivation holding the unit file.";
      };
      enable = sd.commonUnitOptions.enable;
      overrideStrategy = sd.commonUnitOptions.overrideStrategy;
      wantedBy = sd.commonUnitOptions.wantedBy;
      requiredBy = sd.commonUnitOptions.requiredBy;
      upheldBy = sd.commonUnitOptions.upheldBy;
      aliases = sd.commonUnitOptions.aliases;
    };
    config.unit = mkDefault (sd.makeUnit name config);
  };

  submoduleOf = extra: options: types.attrsOf (types.submodule ([
    { inherit options; }
    sd.unitConfigModule
  ] ++ extra));

  # Services with a startAt get a timer of the same name.
  startAtTimers = mapAttrs' (name: service: nameValuePair name {
    wantedBy = [ "timers.target" ];
    timerConfig.OnCalendar = service.startAt;
  }) (filterAttrs (_: s: s.enable && s.startAt != [ ]) cfg.services);

  units = cfg.units;

  # Shell lines making the unit directory. As in NixOS, asDropinIfExists only
  # yields a drop-in over a unit from `systemd.packages`, which sysnix does not
  # have: such units are full units in /etc/systemd/system, which take precedence
  # over a unit of the same name the host's packages ship (the build never looks
  # at the host). `asDropin` always makes `<unit>.d/overrides.conf`.
  linkLines = concatStrings (mapAttrsToList (name: unit: ''
    name=${escapeShellArg name}
    file="${unit.unit}/$name"
    ${if unit.overrideStrategy == "asDropin" then ''
      mkdir -p "$out/$name.d"
      ln -s "$file" "$out/$name.d/overrides.conf"
    '' else ''
      ln -sfn "$file" "$out/$name"
    ''}
    ${concatMapStrings (alias: ''
      ln -sfn "$name" "$out"/${escapeShellArg alias}
    '') unit.aliases}
    ${concatMapStrings (kind: concatMapStrings (target: ''
      mkdir -p "$out"/${escapeShellArg "${target}.${kind.dir}"}
      ln -sfn "../$name" "$out"/${escapeShellArg "${target}.${kind.dir}"}/
    '') (if unit.enable then unit.${kind.opt} else [ ])) [
      { opt = "wantedBy"; dir = "wants"; }
      { opt = "requiredBy"; dir = "requires"; }
      { opt = "upheldBy"; dir = "upholds"; }
    ]}
  '') units);

  unitsDir = pkgs.runCommand "system-units"
    {
      preferLocalBuild = true;
      allowSubstitutes = false;
      script = linkLines;
      passAsFile = [ "script" ];
    } ''
    mkdir -p "$out"
    . "$scriptPath"
  '';
in
{
  options.systemd = {
    units = mkOption {
      type = types.attrsOf (types.submodule unitModule);
      default = { };
      description = ''
        systemd units by file name (`foo.service`), given by their text.
        The services, sockets, … options all end up here.
      '';
    };

    services = mkOption {
      type = submoduleOf [ sd.serviceConfigModule ] sd.serviceOptions;
      default = { };
      description = "systemd service units (`<name>.service`).";
    };

    sockets = mkOption {
      type = submoduleOf [ ] sd.socketOptions;
      default = { };
      description = "systemd socket units (`<name>.socket`).";
    };

    timers = mkOption {
      type = submoduleOf [ ] sd.timerOptions;
      default = { };
      description = "systemd timer units (`<name>.timer`).";
    };

    targets = mkOption {
      type = submoduleOf [ ] sd.targetOptions;
      default = { };
      description = "systemd target units (`<name>.target`).";
    };

    paths = mkOption {
      type = submoduleOf [ ] sd.pathOptions;
      default = { };
      description = "systemd path units (`<name>.path`).";
    };

    globalEnvironment = mkOption {
      type = types.attrsOf (types.nullOr (types.oneOf [ types.str types.path types.package ]));
      default = { };
      example = { TZ = "CET"; };
      description = "Environment variables of every service sysnix generates.";
    };

    enableStrictShellChecks = mkOption {
      type = types.bool;
      default = false;
      description = "Default of every service's enableStrictShellChecks.";
    };
  };

  config = {
    systemd.timers = startAtTimers;

    systemd.units =
      unitsOf "service" (sd.serviceToUnit cfg.globalEnvironment) cfg.services
      // unitsOf "socket" sd.socketToUnit cfg.sockets
      // unitsOf "timer" sd.timerToUnit cfg.timers
      // unitsOf "target" sd.targetToUnit cfg.targets
      // unitsOf "path" sd.pathToUnit cfg.paths;

    system.build.units = unitsDir;

    assertions = mapAttrsToList (name: unit: {
      assertion = !unit.enable || unit.text != null;
      message = "systemd.units.\"${name}\" is enabled but has no text.";
    }) units;
  };
}
