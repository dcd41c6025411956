# A module-system-like fixed point, imitating what nixpkgs lib's
# evalModules does, in plain hand-written code:
#   * modules are functions of { config, lib } returning
#     { _file, imports, options, config }; imports are collected with
#     genericClosure;
#   * option declarations (mkOption with a type and a default) form a tree;
#   * definitions may be wrapped in mkIf / mkMerge / mkOverride (mkDefault,
#     mkForce) and are pushed down into attribute sets without forcing
#     conditions, grouped by name with zipAttrsWith, discharged, filtered by
#     priority, type-checked and merged by the option's type;
#   * `config` is the fixed point: modules read `config` lazily, with
#     cross references between options of different services.
# Result: a few integers and a short hash of the whole configuration.
let
  inherit (builtins)
    all attrNames concatMap concatStringsSep elemAt filter foldl'
    genericClosure genList hashString head isAttrs isBool isInt isList
    isString length listToAttrs mapAttrs stringLength substring toJSON
    zipAttrsWith;
  str = toString;
  mod = a: b: a - a / b * b;
  optional = c: x: if c then [ x ] else [ ];

  # ---------------------------------------------------------------- lib --
  lib = rec {
    mkOverride = priority: content: { _type = "override"; inherit priority content; };
    mkOptionDefault = mkOverride 1500;
    mkDefault = mkOverride 1000;
    mkForce = mkOverride 50;
    mkIf = condition: content: { _type = "if"; inherit condition content; };
    mkMerge = contents: { _type = "merge"; inherit contents; };
    mkOption = args: args // { _type = "option"; };

    typeOf = v: if isAttrs v then v._type or null else null;
    showLoc = loc: concatStringsSep "." loc;

    mergeEqual = loc: vals:
      if all (v: v == head vals) vals then head vals
      else throw "The option `${showLoc loc}' has conflicting definitions.";

    mkType = name: check: merge: { inherit name check merge; };
    types = {
      bool = mkType "bool" isBool mergeEqual;
      int = mkType "int" isInt mergeEqual;
      port = mkType "port" (v: isInt v && v >= 0 && v <= 65535) mergeEqual;
      str = mkType "str" isString mergeEqual;
      lines = mkType "lines" isString (loc: vals: concatStringsSep "\n" vals);
      listOf = t: mkType "listOf ${t.name}" isList (loc: vals:
        concatMap (l: map (x: if t.check x then x
          else throw "A list element of `${showLoc loc}' is not a ${t.name}.") l) vals);
      attrsOf = t: mkType "attrsOf ${t.name}" isAttrs (loc: vals:
        mapAttrs (n: defs: mergeDefs (loc ++ [ n ]) t defs) (zipAttrsWith (n: vs: vs) vals));
    };

    # mkMerge/mkIf/mkOverride around an attribute set are pushed into its
    # attributes; conditions stay unevaluated (as lib.pushDownProperties).
    pushDown = def:
      let t = typeOf def; in
      if t == "merge" then concatMap pushDown def.contents
      else if t == "if" then map (mapAttrs (n: mkIf def.condition)) (pushDown def.content)
      else if t == "override" then map (mapAttrs (n: mkOverride def.priority)) (pushDown def.content)
      else [ def ];

    # Resolve the wrappers of one option definition: list of { priority, value }.
    discharge = def:
      let t = typeOf def; in
      if t == "merge" then concatMap discharge def.contents
      else if t == "if" then (if def.condition then discharge def.content else [ ])
      else if t == "override" then map (d: d // { inherit (def) priority; }) (discharge def.content)
      else [ { priority = 100; value = def; } ];

    mergeDefs = loc: type: defs:
      let
        ds = concatMap discharge defs;
        best = foldl' (m: d: if d.priority < m then d.priority else m) 9999 ds;
        vals = map (d: if type.check d.value then d.value
          else throw "A definition of `${showLoc loc}' is not of type ${type.name}.")
          (filter (d: d.priority == best) ds);
      in
      if length ds == 0 then throw "The option `${showLoc loc}' is used but not defined."
      else type.merge loc vals;

    evalOption = loc: opt: defs:
      mergeDefs loc opt.type (defs ++ optional (opt ? default) (mkOptionDefault opt.default));

    # One level of the option tree: declarations and the (already pushed
    # down) definition attrsets for this level.
    evalLevel = loc: decls: defs:
      let grouped = zipAttrsWith (n: vs: vs) defs; in
      mapAttrs (name: decl:
        let here = grouped.${name} or [ ]; in
        if decl._type or null == "option"
        then evalOption (loc ++ [ name ]) decl here
        else evalLevel (loc ++ [ name ]) decl (concatMap pushDown here))
      decls;

    # Merge option declaration trees (no two modules declare the same option).
    mergeDecls = a: b: a // mapAttrs (n: v:
      if a ? ${n} && v._type or null != "option" then mergeDecls a.${n} v else v) b;

    evalModules = roots:
      let
        args = { inherit config lib; };
        closure = genericClosure {
          startSet = map (m: let r = m args; in { key = r._file; value = r; }) roots;
          operator = item: map (m: let r = m args; in { key = r._file; value = r; })
            (item.value.imports or [ ]);
        };
        modules = map (x: x.value) closure;
        options = foldl' mergeDecls { } (map (m: m.options or { }) modules);
        config = evalLevel [ ] options (concatMap (m: pushDown (m.config or { })) modules);
      in
      { inherit options config; moduleCount = length modules; };
  };

  inherit (lib) mkOption mkIf mkMerge mkDefault mkForce mkOverride types;

  # ------------------------------------------------------------ modules --
  n = 4000;
  svc = i: "svc${str i}";
  names = genList svc n;
  genServices = f: listToAttrs (genList (i: { name = svc i; value = f i; }) n);

  # One module per service declares its options ...
  declModule = i: { ... }: {
    _file = "decl-${str i}";
    options.services.${svc i} = {
      enable = mkOption { type = types.bool; default = false; };
      port = mkOption { type = types.port; default = 10000 + i; };
      user = mkOption { type = types.str; default = svc i; };
      extraArgs = mkOption { type = types.listOf types.str; default = [ ]; };
      dependsOn = mkOption { type = types.listOf types.str; default = [ ]; };
      environment = mkOption { type = types.attrsOf types.str; default = { }; };
      weight = mkOption { type = types.int; default = 1; };
    };
  };

  # ... and one implements it, reading its own options through `config`.
  implModule = i: { config, ... }:
    let cfg = config.services.${svc i}; in {
      _file = "impl-${str i}";
      config = mkIf cfg.enable (mkMerge [
        {
          networking.firewall.allowedTCPPorts = [ cfg.port ];
          environment.etc."${svc i}.conf" = ''
            port=${str cfg.port}
            user=${cfg.user}
            args=${concatStringsSep " " cfg.extraArgs}
            after=${concatStringsSep "," cfg.dependsOn}
          '';
          users.users.${cfg.user} = 1000 + i;
        }
        { services.${svc i}.environment.SVC_PORT = str cfg.port; }
      ]);
    };

  baseModule = { ... }: {
    _file = "base";
    imports = genList declModule n ++ genList implModule n;
    options = {
      networking.firewall.allowedTCPPorts = mkOption { type = types.listOf types.port; default = [ ]; };
      environment.etc = mkOption { type = types.attrsOf types.lines; default = { }; };
      users.users = mkOption { type = types.attrsOf types.int; default = { }; };
      system.summary = mkOption { type = types.lines; };
      system.totalWeight = mkOption { type = types.int; };
    };
    config.networking.firewall.allowedTCPPorts = [ 22 ];
  };

  # Profiles, imported by the host, each touching every service.
  profile = k: { config, ... }: {
    _file = "profile-${str k}";
    config.services = genServices (i: {
      environment."PROFILE_${str k}" = if config.services.${svc i}.enable then "on" else "off";
      extraArgs = optional (mod i (k + 2) == 0) "--profile-${str k}";
    });
  };

  # The host configuration: enables services, chains their ports and
  # dependencies through `config`, and overrides with priorities.
  hostModule = { config, ... }: {
    _file = "host";
    imports = genList profile 8;
    config = mkMerge [
      {
        services = genServices (i: {
          enable = mod i 3 != 0;
          extraArgs = [ "--id=${str i}" ];
          weight = i;
          dependsOn = optional (i > 0 && config.services.${svc (i - 1)}.enable) (svc (i - 1));
        });
      }
      {
        services = genServices (i: {
          port = mkIf (i > 0 && config.services.${svc (i / 2)}.enable)
            (mkDefault (config.services.${svc (i / 2)}.port + 1));
          weight = mkIf (mod i 7 == 0) (mkOverride 90 (i * 2));
        });
      }
      (mkIf (config.services.${svc 1}.enable) {
        services = listToAttrs (genList (j: {
          name = svc (j * 50);
          value.port = mkForce (30000 + j);
        }) (n / 50));
      })
      {
        system.summary = concatStringsSep "\n" (map (s:
          "${s}: port ${str config.services.${s}.port}, ${str (length config.services.${s}.extraArgs)} args")
          (filter (s: config.services.${s}.enable) names));
        system.totalWeight = foldl' (acc: s:
          acc + (if config.services.${s}.enable then config.services.${s}.weight else 0)) 0 names;
      }
    ];
  };

  result = lib.evalModules [ baseModule hostModule ];
  cfg = result.config;
  ports = cfg.networking.firewall.allowedTCPPorts;
in
{
  inherit (result) moduleCount;
  enabled = length (filter (s: cfg.services.${s}.enable) names);
  ports = length ports;
  portSum = foldl' (a: b: a + b) 0 ports;
  totalWeight = cfg.system.totalWeight;
  etcFiles = length (attrNames cfg.environment.etc);
  users = length (attrNames cfg.users.users);
  envVars = foldl' (acc: s: acc + length (attrNames cfg.services.${s}.environment)) 0 names;
  summaryLength = stringLength cfg.system.summary;
  hash = substring 0 16 (hashString "sha256" (toJSON cfg));
}
