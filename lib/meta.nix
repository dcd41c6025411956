# Functions on package metadata (meta attributes, names, priorities) and
# finding a package's executable.
{ lib }:

let
  inherit (lib.attrsets) isDerivation matchAttrs;
in
rec {
  # addMetaAttrs :: attrs -> derivation -> derivation
  # Add (override) attributes in a derivation's meta.
  # Example: (addMetaAttrs { a = 1; } { meta.b = 2; }).meta => { a = 1; b = 2; }
  addMetaAttrs = newAttrs: drv: drv // { meta = (drv.meta or { }) // newAttrs; };

  # dontDistribute :: derivation -> derivation
  # Keep Hydra from building/distributing the package.
  # Example: (dontDistribute { }).meta => { hydraPlatforms = [ ]; }
  dontDistribute = drv: addMetaAttrs { hydraPlatforms = [ ]; } drv;

  # setName :: string -> derivation -> derivation
  # Replace the name of a derivation.
  # Example: (setName "x" { name = "y"; }).name => "x"
  setName = name: drv: drv // { inherit name; };

  # updateName :: (string -> string) -> derivation -> derivation
  # Transform the name of a derivation.
  # Example: (updateName (n: n + "-x") { name = "y"; }).name => "y-x"
  updateName = f: drv: drv // { name = f drv.name; };

  # appendToName :: string -> derivation -> derivation
  # Insert a suffix between the package name and its version.
  # Example: (appendToName "wrapped" { name = "hello-1.0"; }).name => "hello-wrapped-1.0"
  appendToName = suffix: updateName (name:
    let parsed = builtins.parseDrvName name; in
    "${parsed.name}-${suffix}-${parsed.version}");

  # mapDerivationAttrset :: (derivation -> derivation) -> attrs -> attrs
  # Apply a function to the derivations of a set, leaving the rest.
  # Example: mapDerivationAttrset lowPrio { a = drv; b = 1; }
  mapDerivationAttrset = f: set:
    builtins.mapAttrs (_: v: if isDerivation v then f v else v) set;

  # setPrio :: int -> derivation -> derivation
  # Set meta.priority (lower numbers win in nix-env / buildEnv collisions).
  setPrio = priority: addMetaAttrs { inherit priority; };

  # lowPrio, hiPrio :: derivation -> derivation
  # Priority 10 / -10.
  # Example: (lowPrio { }).meta.priority => 10
  lowPrio = setPrio 10;
  hiPrio = setPrio (-10);

  # lowPrioSet, hiPrioSet :: attrs -> attrs
  # lowPrio / hiPrio for every derivation of a set.
  lowPrioSet = mapDerivationAttrset lowPrio;
  hiPrioSet = mapDerivationAttrset hiPrio;

  # platformMatch :: attrs -> (string | attrs) -> bool
  # Whether a platform matches a meta.platforms element: a system string is
  # compared with platform.system, a pattern set is matched against the
  # platform (its `parsed` part when it has one).
  # Example: platformMatch { system = "x86_64-linux"; } "x86_64-linux" => true
  platformMatch = platform: elem:
    if builtins.isString elem
    then platform ? system && elem == platform.system
    else matchAttrs (elem.parsed or elem) platform;

  # availableOn :: attrs -> derivation -> bool
  # Whether meta.platforms admits the platform and meta.badPlatforms does not.
  availableOn = platform: pkg:
    (!(pkg ? meta.platforms) || builtins.any (platformMatch platform) pkg.meta.platforms)
    && builtins.all (e: !(platformMatch platform e)) (pkg.meta.badPlatforms or [ ]);

  # getLicenseFromSpdxIdOr :: string -> a -> (license | a)
  # The license with the given SPDX id (case-insensitive), else the default.
  # Example: (getLicenseFromSpdxIdOr "MIT" null).shortName => "mit"
  getLicenseFromSpdxIdOr =
    let
      withId = builtins.filter (l: l ? spdxId) (builtins.attrValues lib.licenses);
      byId = builtins.listToAttrs
        (map (l: { name = lib.strings.toLower l.spdxId; value = l; }) withId);
    in
    id: default: byId.${lib.strings.toLower id} or default;

  # getLicenseFromSpdxId :: string -> license
  # The license with the given SPDX id; warns and returns { shortName = id; }
  # when unknown.
  # Example: (getLicenseFromSpdxId "Apache-2.0").shortName => "asl20"
  getLicenseFromSpdxId = id:
    getLicenseFromSpdxIdOr id
      (lib.trivial.warn "getLicenseFromSpdxId: No license matches the given SPDX ID: ${id}"
        { shortName = id; });

  # getExe' :: derivation -> string -> string
  # The path of the named executable in the package's bin output.
  # Example: getExe' pkg "tool" => "/nix/store/...-pkg/bin/tool"
  getExe' = x: y:
    assert lib.asserts.assertMsg (isDerivation x)
      "lib.meta.getExe': The first argument is of type ${builtins.typeOf x}, but it should be a derivation instead.";
    assert lib.asserts.assertMsg (builtins.isString y)
      "lib.meta.getExe': The second argument is of type ${builtins.typeOf y}, but it should be a string instead.";
    assert lib.asserts.assertMsg (builtins.length (lib.strings.splitString "/" y) == 1)
      "lib.meta.getExe': The second argument \"${y}\" is a nested path with a \"/\" character, but it should just be the name of the executable instead.";
    "${lib.attrsets.getBin x}/bin/${y}";

  # getExe :: derivation -> string
  # The path of the package's main program (meta.mainProgram; falls back,
  # with a warning, to the package name).
  # Example: getExe pkg => "/nix/store/...-pkg/bin/pkg"
  getExe = x:
    getExe' x (x.meta.mainProgram or (lib.trivial.warn
      "getExe: Package ${lib.strings.escapeNixIdentifier x.meta.name or x.pname or x.name} does not have the meta.mainProgram attribute. We'll assume that the main program has the same name for now, but this behavior is deprecated, because it leads to surprising errors when the assumed name does not match reality."
      (lib.strings.getName x)));
}
