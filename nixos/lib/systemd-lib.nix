# Helpers for the systemd modules: the option declarations of units
# (services, sockets, timers, targets, paths), their rendering to unit file
# text, and the unit-file derivations. Not a module; imported by
# ../modules/system/boot/systemd.nix.
#
# Rendering follows NixOS: a `[Unit]` section from `unitConfig` (plus the
# dependency options), then the type's section (`[Service]`: Environment=
# lines, the X-…IfChanged markers, then `serviceConfig`). Values: booleans
# as true/false, lists as repeated keys, null left out.
{ lib, pkgs }:

let
  inherit (lib) mkOption types concatStrings concatLists concatStringsSep
    mapAttrsToList optionalAttrs optionalString filterAttrs mkIf mkMerge
    mkAfter isList replaceStrings;

  # ---------------------------------------------------------------------
  # Unit option values

  /**
    The type of one value of `serviceConfig`, `unitConfig`, … : a boolean,
    number, string or path, or a list of them (a repeated key). Lists from
    several definitions are concatenated; other values must agree.
  */
  atom = types.nullOr (types.oneOf [ types.bool types.int types.float types.str types.path types.package ]);
  unitOption = types.mkOptionType {
    name = "systemd option";
    description = "systemd unit setting (boolean, number, string, path or a list of them)";
    check = v: atom.check v || (isList v && builtins.all atom.check v);
    merge = loc: defs:
      if builtins.any (d: isList d.value) defs
      then concatLists (map (d: lib.toList d.value) defs)
      else lib.mergeEqualOption loc defs;
  };

  unitSettings = types.attrsOf unitOption;

  toOption = x:
    if x == true then "true"
    else if x == false then "false"
    else toString x;

  /** `Key=value` lines of a section; lists repeat the key, nulls vanish. */
  attrsToSection = as:
    concatStrings (concatLists (mapAttrsToList (name: value:
      map (x: "${name}=${toOption x}\n")
        (builtins.filter (x: x != null) (if isList value then value else [ value ])))
      as));

  # A store-name-safe form of a unit name.
  pathSafeName = replaceStrings [ "@" ":" "\\" "[" "]" " " ] [ "-" "-" "-" "" "" "-" ];

  # ---------------------------------------------------------------------
  # Options

  unitNameList = description: mkOption {
    type = types.listOf types.str;
    default = [ ];
    inherit description;
  };

  /** Options every unit kind has (enable, dependencies, unitConfig, …). */
  commonUnitOptions = {
    enable = mkOption {
      type = types.bool;
      default = true;
      description = ''
        Whether the unit is generated. When false the unit file is a
        symlink to /dev/null: the unit is masked.
      '';
    };
    overrideStrategy = mkOption {
      type = types.enum [ "asDropinIfExists" "asDropin" ];
      default = "asDropinIfExists";
      description = ''
        How the unit is installed. `asDropinIfExists` (the default) gives a
        full unit file in /etc/systemd/system, which takes precedence over a
        unit of the same name shipped by the host's packages (NixOS makes a
        drop-in only over units of `systemd.packages`, which sysnix does not
        have); `asDropin` makes a drop-in `<unit>.d/overrides.conf` that
        amends the host's unit (for example Debian's `ssh.service`).
      '';
    };
    description = mkOption {
      type = types.singleLineStr;
      default = "";
      description = "Description of the unit, shown in systemd's messages (Description=).";
    };
    documentation = unitNameList "URIs of the unit's documentation (Documentation=).";
    requires = unitNameList "Units started with this one; when they fail or stop, this one stops (Requires=).";
    wants = unitNameList "Units started with this one (Wants=).";
    upholds = unitNameList "Units kept running while this one runs (Upholds=).";
    after = unitNameList "Units this one starts after, when both start (After=).";
    before = unitNameList "Units this one starts before, when both start (Before=).";
    bindsTo = unitNameList "Like requires, and this unit stops whenever they stop (BindsTo=).";
    partOf = unitNameList "Stopping or restarting these units does the same to this one (PartOf=).";
    conflicts = unitNameList "Units stopped when this one starts, and the other way round (Conflicts=).";
    requisite = unitNameList "Units that must already be active when this one starts (Requisite=).";
    onFailure = unitNameList "Units started when this one fails (OnFailure=).";
    onSuccess = unitNameList "Units started when this one finishes successfully (OnSuccess=).";
    wantedBy = unitNameList "Units (usually targets) that want this one: a `<target>.wants/` link.";
    requiredBy = unitNameList "Units that require this one: a `<target>.requires/` link.";
    upheldBy = unitNameList "Units that uphold this one: a `<target>.upholds/` link.";
    aliases = unitNameList "Other names of the unit (symlinks to it).";
    startLimitBurst = mkOption {
      type = types.int;
      description = "How many starts are allowed within startLimitIntervalSec (StartLimitBurst=).";
    };
    startLimitIntervalSec = mkOption {
      type = types.int;
      description = "The interval, in seconds, of the start rate limit (StartLimitIntervalSec=).";
    };
    unitConfig = mkOption {
      type = unitSettings;
      default = { };
      example = { RequiresMountsFor = "/data"; };
      description = "Settings of the `[Unit]` section.";
    };
  };

  /** Options of units that can be restarted or reloaded when they change. */
  triggerOptions = {
    restartTriggers = mkOption {
      type = types.listOf types.unspecified;
      default = [ ];
      description = ''
        Values (usually store paths of configuration files) whose change
        restarts the unit on activation: written to a store file named in
        `X-Restart-Triggers=`.
      '';
    };
    reloadTriggers = mkOption {
      type = types.listOf types.unspecified;
      default = [ ];
      description = ''
        Like restartTriggers, but a change reloads the unit
        (`X-Reload-Triggers=`).
      '';
    };
  };

  /** The options of `systemd.services.<name>`. */
  serviceOptions = commonUnitOptions // triggerOptions // {
    name = mkOption {
      type = types.str;
      internal = true;
      description = "The unit's file name (`<name>.service`).";
    };
    environment = mkOption {
      type = types.attrsOf (types.nullOr (types.oneOf [ types.str types.path types.package ]));
      default = { };
      example = { PATH = "/foo/bar/bin"; LANG = "nl_NL.UTF-8"; };
      description = "Environment variables of the service's processes (Environment=); null unsets one.";
    };
    path = mkOption {
      type = types.listOf (types.oneOf [ types.package types.str ]);
      default = [ ];
      description = ''
        Packages whose `bin` and `sbin` directories make up the service's
        PATH. coreutils, findutils, gnugrep, gnused and systemd are always
        added.
      '';
    };
    serviceConfig = mkOption {
      type = unitSettings;
      default = { };
      example = { RestartSec = 5; Restart = "always"; };
      description = "Settings of the `[Service]` section (see systemd.service(5)).";
    };
    script = mkOption {
      type = types.lines;
      default = "";
      description = "Shell commands run as the service's main process (ExecStart=).";
    };
    scriptArgs = mkOption {
      type = types.str;
      default = "";
      example = "%i";
      description = "Arguments given to `script` (systemd specifiers are expanded).";
    };
    preStart = mkOption {
      type = types.lines;
      default = "";
      description = "Shell commands run before the main process starts (ExecStartPre=).";
    };
    postStart = mkOption {
      type = types.lines;
      default = "";
      description = "Shell commands run after the main process has started (ExecStartPost=).";
    };
    reload = mkOption {
      type = types.lines;
      default = "";
      description = "Shell commands run to reload the service (ExecReload=).";
    };
    preStop = mkOption {
      type = types.lines;
      default = "";
      description = "Shell commands run to stop the service (ExecStop=).";
    };
    postStop = mkOption {
      type = types.lines;
      default = "";
      description = "Shell commands run after the service has stopped (ExecStopPost=).";
    };
    restartIfChanged = mkOption {
      type = types.bool;
      default = true;
      description = "Whether activation restarts the service when its unit changed (false: `X-RestartIfChanged=false`).";
    };
    reloadIfChanged = mkOption {
      type = types.bool;
      default = false;
      description = ''
        Whether activation reloads rather than restarts the service when
        its unit changed (`X-ReloadIfChanged=true`).
      '';
    };
    stopIfChanged = mkOption {
      type = types.bool;
      default = true;
      description = ''
        When the service changed: whether activation stops it under the old
        configuration and starts it under the new one (true), or restarts it
        once the new configuration is in place (false, `X-StopIfChanged=false`).
      '';
    };
    startAt = mkOption {
      type = types.either types.str (types.listOf types.str);
      default = [ ];
      example = "Sun 14:00:00";
      apply = lib.toList;
      description = ''
        When to start the service automatically (systemd.time(7) calendar
        events): makes a `<name>.timer` with OnCalendar= set to these.
      '';
    };
    enableStrictShellChecks = mkOption {
      type = types.bool;
      default = false;
      description = "Whether the service's scripts run with errexit, nounset and pipefail (not only errexit).";
    };
  };

  socketOptions = commonUnitOptions // {
    listenStreams = mkOption {
      type = types.listOf types.str;
      default = [ ];
      example = [ "0.0.0.0:993" "/run/my-socket" ];
      description = "Addresses to listen on for stream connections (ListenStream=).";
    };
    listenDatagrams = mkOption {
      type = types.listOf types.str;
      default = [ ];
      example = [ "0.0.0.0:993" "/run/my-socket" ];
      description = "Addresses to listen on for datagrams (ListenDatagram=).";
    };
    socketConfig = mkOption {
      type = unitSettings;
      default = { };
      example = { ListenStream = "/run/my-socket"; };
      description = "Settings of the `[Socket]` section (see systemd.socket(5)).";
    };
  };

  timerOptions = commonUnitOptions // triggerOptions // {
    timerConfig = mkOption {
      type = unitSettings;
      default = { };
      example = { OnCalendar = "Sun 14:00:00"; Unit = "foo.service"; };
      description = "Settings of the `[Timer]` section (see systemd.timer(5)).";
    };
  };

  pathOptions = commonUnitOptions // triggerOptions // {
    pathConfig = mkOption {
      type = unitSettings;
      default = { };
      example = { PathChanged = "/some/path"; Unit = "changedpath.service"; };
      description = "Settings of the `[Path]` section (see systemd.path(5)).";
    };
  };

  targetOptions = commonUnitOptions // triggerOptions;

  # ---------------------------------------------------------------------
  # Definitions every unit submodule makes

  writeTriggers = kind: name: triggers:
    "${pkgs.writeText "X-${kind}-Triggers-${pathSafeName name}" (toString (map
      (x: if builtins.isPath x then "${x}" else x) (lib.flatten triggers)))}";

  /** The `[Unit]` settings from the dependency options. */
  unitConfigModule = { name, config, options, ... }: {
    config.unitConfig =
      optionalAttrs (config.requires != [ ]) { Requires = toString config.requires; }
      // optionalAttrs (config.wants != [ ]) { Wants = toString config.wants; }
      // optionalAttrs (config.upholds != [ ]) { Upholds = toString config.upholds; }
      // optionalAttrs (config.after != [ ]) { After = toString config.after; }
      // optionalAttrs (config.before != [ ]) { Before = toString config.before; }
      // optionalAttrs (config.bindsTo != [ ]) { BindsTo = toString config.bindsTo; }
      // optionalAttrs (config.partOf != [ ]) { PartOf = toString config.partOf; }
      // optionalAttrs (config.conflicts != [ ]) { Conflicts = toString config.conflicts; }
      // optionalAttrs (config.requisite != [ ]) { Requisite = toString config.requisite; }
      // optionalAttrs ((config.restartTriggers or [ ]) != [ ]) {
        X-Restart-Triggers = writeTriggers "Restart" name config.restartTriggers;
      }
      // optionalAttrs ((config.reloadTriggers or [ ]) != [ ]) {
        X-Reload-Triggers = writeTriggers "Reload" name config.reloadTriggers;
      }
      // optionalAttrs (config.description != "") { Description = config.description; }
      // optionalAttrs (config.documentation != [ ]) { Documentation = toString config.documentation; }
      // optionalAttrs (config.onFailure != [ ]) { OnFailure = toString config.onFailure; }
      // optionalAttrs (config.onSuccess != [ ]) { OnSuccess = toString config.onSuccess; }
      // optionalAttrs options.startLimitIntervalSec.isDefined {
        StartLimitIntervalSec = toString config.startLimitIntervalSec;
      }
      // optionalAttrs options.startLimitBurst.isDefined {
        StartLimitBurst = toString config.startLimitBurst;
      };
  };

  /**
    A script run by a unit: bin/<name> of a derivation named
    `unit-script-<name>`, with `set -e` (or errexit, nounset and pipefail
    when strict) before the text.
  */
  makeJobScript = { name, text, strict ? false }:
    let
      scriptName = replaceStrings [ "\\" "@" ] [ "-" "_" ] name;
      drv = (if strict
        then pkgs.writeShellApplication { name = scriptName; inherit text; }
        else pkgs.writeShellScriptBin scriptName ''
          set -e

          ${text}
        '').overrideAttrs (_: { name = "unit-script-${pathSafeName scriptName}"; });
    in
    "${drv}/bin/${scriptName}";

  /** The service settings derived from script, preStart, …, and PATH. */
  serviceConfigModule = { name, config, ... }:
    let
      job = suffix: text: makeJobScript {
        name = "${name}-${suffix}";
        inherit text;
        strict = config.enableStrictShellChecks;
      };
    in
    {
      config = mkMerge [
        {
          name = "${name}.service";
          path = mkAfter [ pkgs.coreutils pkgs.findutils pkgs.gnugrep pkgs.gnused pkgs.systemd ];
          environment.PATH = mkIf (config.path != [ ])
            "${lib.makeBinPath config.path}:${lib.makeSearchPathOutput "bin" "sbin" config.path}";
        }
        (mkIf (config.preStart != "") {
          serviceConfig.ExecStartPre = [ (job "pre-start" config.preStart) ];
        })
        (mkIf (config.script != "") {
          serviceConfig.ExecStart = job "start" config.script + " " + config.scriptArgs;
        })
        (mkIf (config.postStart != "") {
          serviceConfig.ExecStartPost = [ (job "post-start" config.postStart) ];
        })
        (mkIf (config.reload != "") {
          serviceConfig.ExecReload = job "reload" config.reload;
        })
        (mkIf (config.preStop != "") {
          serviceConfig.ExecStop = job "pre-stop" config.preStop;
        })
        (mkIf (config.postStop != "") {
          serviceConfig.ExecStopPost = job "post-stop" config.postStop;
        })
      ];
    };

  # ---------------------------------------------------------------------
  # Unit text

  unitSection = def: ''
    [Unit]
    ${attrsToSection def.unitConfig}
  '';

  /** The `systemd.units` definition of a unit: text plus install data. */
  toUnit = def: text: {
    inherit (def) aliases wantedBy requiredBy upheldBy enable overrideStrategy;
    inherit text;
  };

  serviceToUnit = globalEnvironment: def:
    let
      env = globalEnvironment // def.environment;
      envLines = concatStrings (map (n:
        let
          line = optionalString (env.${n} != null) "Environment=${builtins.toJSON "${n}=${env.${n}}"}\n";
        in
        if builtins.stringLength line >= 1048576
        then throw "The value of the environment variable ‘${n}’ of the systemd service ‘${def.name}’ is too long."
        else line) (builtins.attrNames env));
    in
    toUnit def (unitSection def + ''
      [Service]
    '' + envLines
    + (if def.reloadIfChanged then "X-ReloadIfChanged=true\n"
       else if !def.restartIfChanged then "X-RestartIfChanged=false\n"
       else "")
    + optionalString (!def.stopIfChanged) "X-StopIfChanged=false\n"
    + attrsToSection def.serviceConfig);

  socketToUnit = def: toUnit def (unitSection def + ''
    [Socket]
    ${attrsToSection def.socketConfig}${concatStrings (map (s: "ListenStream=${s}\n") def.listenStreams)}${concatStrings (map (s: "ListenDatagram=${s}\n") def.listenDatagrams)}'');

  timerToUnit = def: toUnit def (unitSection def + ''
    [Timer]
    ${attrsToSection def.timerConfig}'');

  pathToUnit = def: toUnit def (unitSection def + ''
    [Path]
    ${attrsToSection def.pathConfig}'');

  targetToUnit = def: toUnit def (unitSection def);

  /**
    The derivation holding a unit file: `<out>/<unit name>`, or a symlink
    to /dev/null when the unit is disabled (masked).
  */
  makeUnit = name: unit:
    if unit.enable then
      pkgs.runCommand "unit-${pathSafeName name}"
        {
          preferLocalBuild = true;
          allowSubstitutes = false;
          inherit (unit) text;
          passAsFile = [ "text" ];
        } ''
        name=${lib.escapeShellArg name}
        mkdir -p "$out/$(dirname -- "$name")"
        cat "$textPath" > "$out/$name"
      ''
    else
      pkgs.runCommand "unit-${pathSafeName name}-disabled"
        {
          preferLocalBuild = true;
          allowSubstitutes = false;
        } ''
        name=${lib.escapeShellArg name}
        mkdir -p "$out/$(dirname -- "$name")"
        ln -s /dev/null "$out/$name"
      '';
in
{
  inherit unitOption unitSettings attrsToSection toOption pathSafeName
    commonUnitOptions serviceOptions socketOptions timerOptions pathOptions
    targetOptions unitConfigModule serviceConfigModule makeJobScript
    serviceToUnit socketToUnit timerToUnit pathToUnit targetToUnit makeUnit;
}
