# The system: `system.build.toplevel`, one store path holding everything
# activation applies.
#
#   etc/               symlinks into the store, from environment.etc, plus
#                      etc/systemd/system (units, drop-ins, aliases and
#                      .wants/.requires/.upholds links)
#   sw                 the system packages (system.path)
#   activation.json    the manifest (keys documented in nixos/README.md)
#   packages           the Debian packages the system needs, one a line
#   sysnix-version     the version of this module tree
#
# Failed assertions abort the build, listed as NixOS lists them; warnings
# are printed (traced) first.
{ config, lib, pkgs, options, ... }:

let
  inherit (lib) mkOption types concatStrings concatMapStrings escapeShellArg
    filterAttrs attrValues mapAttrs;

  cfg = config.system;

  etcEntries = cfg.build.etcEntries;
  units = config.systemd.units;
  services = filterAttrs (_: s: s.enable) config.systemd.services;

  isHostPackage = p: lib.isDerivation p && (p.isHostPackage or false);

  # Host packages referenced from text the system contains (unit files,
  # scripts, /etc files): found through the string context, among the
  # curated ones.
  referencedText = concatStrings (
    map (u: if u.text == null then "" else u.text) (attrValues units)
    ++ map (e: e.source) etcEntries
    ++ lib.concatMap (s: [ s.script s.preStart s.postStart s.reload s.preStop s.postStop ]) (attrValues services)
  );
  context = builtins.getContext referencedText;
  curatedHostPackages = lib.filter (p: isHostPackage p && context ? ${builtins.unsafeDiscardStringContext p.drvPath})
    (map (n: pkgs.${n}) (builtins.attrNames (pkgs.hostPackageTable or { })));

  hostPackages =
    let
      all = lib.filter isHostPackage (
        config.environment.systemPackages
        ++ lib.concatMap (s: s.path) (attrValues services)
        ++ cfg.extraHostPackages
        ++ lib.concatMap (u: lib.optional (lib.isDerivation u.shell) u.shell) (attrValues config.users.users)
        ++ curatedHostPackages);
      byPath = lib.listToAttrs (map (p: lib.nameValuePair (builtins.unsafeDiscardStringContext (toString p)) p) all);
    in
    attrValues byPath;

  debPackages = lib.sort (a: b: a < b) (lib.unique (lib.concatMap (p: p.debPackages) hostPackages));

  manifest = {
    version = 1;
    hostName = config.networking.hostName;
    stateVersion = cfg.stateVersion;
    timeZone = config.time.timeZone;
    etc = map (e: { inherit (e) target source mode user group uid gid; }) etcEntries;
    units = builtins.attrNames units;
    unitFiles = mapAttrs (name: u: {
      inherit (u) enable overrideStrategy wantedBy requiredBy upheldBy aliases;
      source = "${u.unit}/${name}";
    }) units;
    inherit (cfg.build.usersManifest) users groups;
    packages = debPackages;
    hostPackages = map (p: {
      name = p.pname;
      inherit (p) debPackages;
      path = toString p;
    }) hostPackages;
    kernelModules = config.boot.kernelModules;
    sysctl = cfg.build.sysctl;
    firewall = if config.networking.firewall.enable then toString config.networking.firewall.rulesetFile else null;
    tmpfiles = cfg.build.tmpfilesLines;
    exposure = cfg.build.exposurePolicy;
    keys = cfg.build.keysManifest or [ ];
  };

  # Shell lines linking each /etc entry into $out/etc.
  etcLines = concatMapStrings (e: ''
    target=${escapeShellArg e.target}
    mkdir -p "$out/etc/$(dirname -- "$target")"
    ln -s ${escapeShellArg e.source} "$out/etc/$target"
  '') etcEntries;

  name = "sysnix-system" + lib.optionalString (config.networking.hostName != "") "-${config.networking.hostName}";

  system = pkgs.runCommand name
    {
      preferLocalBuild = true;
      allowSubstitutes = false;
      manifest = builtins.toJSON manifest;
      packageList = lib.concatMapStrings (p: p + "\n") debPackages;
      etcScript = etcLines;
      passAsFile = [ "manifest" "packageList" "etcScript" ];
      units = cfg.build.units;
      sw = cfg.path;
      sysnixVersion = cfg.sysnixVersion;
      passthru = { inherit manifest hostPackages; };
    } ''
    mkdir -p "$out/etc/systemd"
    cp -R -P "$units" "$out/etc/systemd/system"
    chmod -R u+w "$out/etc"
    . "$etcScriptPath"
    ln -s "$sw" "$out/sw"
    cp "$manifestPath" "$out/activation.json"
    cp "$packageListPath" "$out/packages"
    printf '%s\n' "$sysnixVersion" > "$out/sysnix-version"
  '';

  failedAssertions = map (a: a.message) (lib.filter (a: !a.assertion) config.assertions);

  checked =
    if failedAssertions != [ ]
    then throw "\nFailed assertions:\n${lib.concatMapStringsSep "\n" (m: "- ${m}") failedAssertions}"
    else lib.foldr (w: acc: lib.warn w acc) system config.warnings;
in
{
  options.system = {
    build = mkOption {
      type = types.lazyAttrsOf types.unspecified;
      default = { };
      description = "Derivations and data making up the system (toplevel, units, …).";
    };
    extraHostPackages = mkOption {
      type = types.listOf types.package;
      default = [ ];
      description = ''
        Host packages the system needs besides those found in
        systemPackages, the services' path and the text of units and /etc
        files (their Debian packages go to the toplevel's `packages`).
      '';
    };
  };

  config.system.build = {
    toplevel = checked;
    manifest = manifest;
  };
}
