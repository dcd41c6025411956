# Making packages overridable, calling package functions with automatic
# arguments, and extending derivations.
{ lib }:

let
  inherit (builtins) intersectAttrs attrNames isAttrs length elemAt head;
  inherit (lib.trivial) isFunction functionArgs setFunctionArgs mirrorFunctionArgs;
  inherit (lib.attrsets) filterAttrs optionalAttrs isDerivation;
in
rec {
  # overrideDerivation :: derivation -> (attrs -> attrs) -> derivation
  # Rebuild a derivation with its derivation attributes changed by f.
  # Example: overrideDerivation pkg (old: { name = "x"; })
  overrideDerivation = drv: f:
    let
      newDrv = derivation (drv.drvAttrs // (f drv));
      extra = {
        meta = drv.meta or { };
        passthru = if drv ? passthru then drv.passthru else { };
      }
      // (drv.passthru or { })
      // optionalAttrs (drv ? __spliced) {
        __spliced = builtins.mapAttrs (_: s: overrideDerivation s f) drv.__spliced;
      };
    in
    extendDerivation (builtins.seq drv.drvPath true) extra newDrv;

  # makeOverridable :: (attrs -> a) -> attrs -> a
  # Wrap a package function so that its result has `override` (call again
  # with changed arguments) and `overrideDerivation`.
  # Example: ((makeOverridable ({ a }: { r = a; }) { a = 1; }).override { a = 2; }).r => 2
  makeOverridable = f:
    let mirror = mirrorFunctionArgs f; in
    mirror (origArgs:
      let
        result = f origArgs;
        withArgs = newArgs: origArgs // (if isFunction newArgs then newArgs origArgs else newArgs);
        override = mirror (newArgs: makeOverridable f (withArgs newArgs));
        overrideResult = g: makeOverridable (mirror (args: g (f args))) origArgs;
      in
      if isAttrs result then
        result // {
          inherit override;
          overrideDerivation = fdrv: overrideResult (x: overrideDerivation x fdrv);
          ${if result ? overrideAttrs then "overrideAttrs" else null} =
            fdrv: overrideResult (x: x.overrideAttrs fdrv);
        }
      else if isFunction result then
        setFunctionArgs result (functionArgs result) // { inherit override; }
      else result);

  # callPackageWith :: attrs -> (path | function) -> attrs -> a
  # Call a package function, taking the arguments it declares from autoArgs
  # unless given explicitly; the result is overridable. A missing required
  # argument aborts with suggestions of similar names.
  # Example: callPackageWith { a = 1; b = 2; } ({ a }: a) { } => 1
  callPackageWith = autoArgs: fn: args:
    let
      f = if isFunction fn then fn else import fn;
      fargs = functionArgs f;
      allArgs = intersectAttrs fargs autoArgs // args;
      missing = filterAttrs (_: hasDefault: !hasDefault) (removeAttrs fargs (attrNames allArgs));

      suggestions = arg: lib.trivial.pipe (autoArgs // args) [
        attrNames
        (builtins.filter (lib.strings.levenshteinAtMost 2 arg))
        (lib.lists.sortOn (lib.strings.levenshtein arg))
        (lib.lists.take 3)
        (map (x: "\"" + x + "\""))
      ];
      pretty = s:
        if s == [ ] then ""
        else if length s == 1 then ", did you mean ${elemAt s 0}?"
        else ", did you mean ${builtins.concatStringsSep ", " (lib.lists.init s)} or ${lib.lists.last s}?";
      errorFor = arg:
        let
          pos = builtins.unsafeGetAttrPos arg fargs;
          where = if pos ? file then pos.file + ":" + toString pos.line else "<unknown location>";
        in
        "Function called without required argument \"${arg}\" at ${where}${pretty (suggestions arg)}";
    in
    if missing == { } then makeOverridable f allArgs
    else abort "lib.customisation.callPackageWith: ${errorFor (head (attrNames missing))}";

  # callPackagesWith :: attrs -> (path | function) -> attrs -> attrs
  # Like callPackageWith for a function returning a set of packages: each
  # package is separately overridable.
  # Example: (callPackagesWith { n = 1; } ({ n }: { a = { v = n; }; }) { }).a.v => 1
  callPackagesWith = autoArgs: fn: args:
    let
      f = if isFunction fn then fn else import fn;
      mirror = mirrorFunctionArgs f;
      origArgs = intersectAttrs (functionArgs f) autoArgs // args;
      pkgs = f origArgs;
      overridable = name: _: makeOverridable (mirror (newArgs: (f newArgs).${name})) origArgs;
    in
    if isDerivation pkgs then
      throw ("function `callPackages` was called on a *single* derivation "
        + "\"${pkgs.name or "<unknown-name>"}\";"
        + " did you mean to use `callPackage` instead?")
    else builtins.mapAttrs overridable pkgs;

  # extendDerivation :: bool -> attrs -> derivation -> derivation
  # Add attributes to a derivation and to each of its outputs; accessing
  # drvPath/outPath asserts the condition.
  # Example: (extendDerivation true { extra = 1; } drv).dev.extra => 1
  extendDerivation = condition: passthru: drv:
    let
      outputs = drv.outputs or [ "out" ];
      common = drv // builtins.listToAttrs outputList
        // { all = map (o: o.value) outputList; } // passthru;
      outputEntry = name: {
        inherit name;
        value = common // {
          inherit (drv.${name}) type outputName;
          outputSpecified = true;
          drvPath = assert condition; drv.${name}.drvPath;
          outPath = assert condition; drv.${name}.outPath;
        } // optionalAttrs (passthru ? overrideAttrs) {
          overrideAttrs = f: (passthru.overrideAttrs f).${name};
        };
      };
      outputList = map outputEntry outputs;
    in
    common // {
      drvPath = assert condition; drv.drvPath;
      outPath = assert condition; drv.outPath;
    };

  # hydraJob :: derivation -> derivation
  # Strip a derivation down to what Hydra needs (name, system, meta, outputs).
  # Example: builtins.attrNames (hydraJob drv) => [ "drvPath" "meta" "name" ... ]
  hydraJob = drv:
    let
      outputs = drv.outputs or [ "out" ];
      common = { inherit (drv) name system meta; inherit outputs; }
        // optionalAttrs (drv._hydraAggregate or false) {
          _hydraAggregate = true;
          constituents = map hydraJob (lib.lists.flatten drv.constituents);
        }
        // builtins.listToAttrs outputList;
      outputEntry = name:
        let o = drv.${name}; in {
          inherit name;
          value = common // {
            outPath = o.outPath;
            drvPath = o.drvPath;
            type = "derivation";
            outputName = name;
          };
        };
      outputList = map outputEntry outputs;
      first = (head outputList).value;
    in
    if drv == null then null else builtins.deepSeq first first;

  # makeScope :: (attrs -> path | function -> attrs -> a) -> (attrs -> attrs) -> attrs
  # A package set with its own callPackage, newScope and overrideScope.
  # Example: (makeScope callPackageWith (self: { a = 1; b = self.callPackage ({ a }: a) { }; })).b => 1
  makeScope = newScope: f:
    let
      self = f self // {
        newScope = scope: newScope (self // scope);
        callPackage = self.newScope { };
        overrideScope = g: makeScope newScope (lib.fixedPoints.extends g f);
        packages = f;
      };
    in
    self;

  # makeScopeWithSplicing :: not supported by sysnix (no cross-compilation).
  makeScopeWithSplicing = throw "lib.makeScopeWithSplicing is not supported by sysnix's lib";
}
