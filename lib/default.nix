# sysnix's Nix library: the same interface as nixpkgs' `lib`, written for sysnix.
#
#   let lib = import ./lib; in lib.mapAttrs' ...      (from the repository root)
#   let lib = import <sysnix/lib>; in ...
#
# `lib` is one attribute set built as a fixed point: every file receives the
# finished `lib` and may use any other part of it. It is extensible like
# nixpkgs' lib: `lib.extend (final: prev: { ... })`.
let
  fixedPoints = import ./fixed-points.nix { };

  # Import a file of the module system if it is present (another part of
  # sysnix provides these three files).
  importIfPresent = path: lib: if builtins.pathExists path then import path { inherit lib; } else { };

  lib = fixedPoints.makeExtensible (self:
    let
      callLibs = file: import file { lib = self; };
    in
    {
      # The sub-libraries, one per concern.
      trivial = callLibs ./trivial.nix;
      fixedPoints = fixedPoints;
      attrsets = callLibs ./attrsets.nix;
      lists = callLibs ./lists.nix;
      strings = callLibs ./strings.nix;
      stringsWithDeps = callLibs ./strings-with-deps.nix;
      customisation = callLibs ./customisation.nix;
      generators = callLibs ./generators.nix;
      asserts = callLibs ./asserts.nix;
      debug = callLibs ./debug.nix;
      versions = callLibs ./versions.nix;
      meta = callLibs ./meta.nix;
      sources = callLibs ./sources.nix;
      filesystem = callLibs ./filesystem.nix;
      licenses = callLibs ./licenses.nix;
      systems = callLibs ./systems.nix;
      cli = callLibs ./cli.nix;
      modules = importIfPresent ./modules.nix self;
      options = importIfPresent ./options.nix self;
      types = (importIfPresent ./types.nix self).types or (importIfPresent ./types.nix self);

      # Flat re-exports, as nixpkgs' lib has them.
      inherit (builtins)
        add addErrorContext attrNames concatLists elem elemAt filter
        genericClosure genList getAttr hasAttr head isAttrs isBool isInt isList
        isPath isString length listToAttrs pathExists readFile
        replaceStrings stringLength substring tail trace typeOf match split
        unsafeDiscardStringContext
        ;

      inherit (self.trivial)
        id const pipe concat or and xor bitAnd bitOr bitXor bitNot
        boolToString mergeAttrs flip defaultTo mapNullable inNixShell
        isFloat min max importJSON importTOML warn warnIf warnIfNot throwIf
        throwIfNot checkListOfEnum info showWarnings nixpkgsVersion version
        isInOldestRelease oldestSupportedRelease mod compare
        splitByAndCompare seq deepSeq lessThan sub functionArgs
        setFunctionArgs isFunction toFunction mirrorFunctionArgs
        fromHexString toHexString toBaseDigits inPureEvalMode release
        codeName versionSuffix revisionWithDefault
        oldestSupportedReleaseIsAtLeast
        ;

      inherit (self.fixedPoints)
        fix fix' converge extends composeExtensions composeManyExtensions
        makeExtensible makeExtensibleWithCustomName toExtension
        ;

      inherit (self.attrsets)
        attrByPath hasAttrByPath setAttrByPath getAttrFromPath attrVals
        attrValues getAttrs catAttrs filterAttrs filterAttrsRecursive
        foldlAttrs foldAttrs collect nameValuePair mapAttrs mapAttrs'
        mapAttrsToList attrsToList concatMapAttrs mapAttrsRecursive
        mapAttrsRecursiveCond mapAttrsToListRecursive
        mapAttrsToListRecursiveCond genAttrs genAttrs' isDerivation
        toDerivation optionalAttrs zipAttrsWithNames zipAttrsWith zipAttrs
        recursiveUpdateUntil recursiveUpdate matchAttrs mergeAttrsList
        overrideExisting showAttrPath getOutput getFirstOutput getBin getLib
        getStatic getDev getInclude getMan chooseDevOutputs
        recurseIntoAttrs dontRecurseIntoAttrs cartesianProduct
        cartesianProductOfSets mapCartesianProduct updateManyAttrsByPath
        unionOfDisjoint longestValidPathPrefix mapAttrsFlatten
        ;

      inherit (self.lists)
        singleton forEach foldr fold foldl foldl' imap0 imap1 ifilter0
        concatMap flatten remove findSingle findFirst findFirstIndex any all
        count optional optionals toList range replicate partition zipListsWith
        zipLists reverseList listDfs toposort sort sortOn naturalSort
        compareLists take drop sublist last init crossLists unique
        uniqueStrings allUnique intersectLists subtractLists
        mutuallyExclusive groupBy groupBy' commonPrefix
        ;

      inherit (self.strings)
        concatStrings concatMapStrings concatImapStrings intersperse
        concatStringsSep concatMapStringsSep concatMapAttrsStringSep
        concatImapStringsSep concatLines makeSearchPath makeSearchPathOutput
        makeLibraryPath makeIncludePath makeBinPath optionalString hasInfix
        hasPrefix hasSuffix stringToCharacters stringAsChars escape escapeC
        escapeShellArg escapeShellArgs escapeURL isStorePath isStringLike
        isValidPosixName toShellVar toShellVars trim trimWith
        escapeRegex escapeXML replaceChars lowerChars upperChars toLower
        toUpper toSentenceCase addContextFrom splitString removePrefix
        removeSuffix versionOlder versionAtLeast getName getVersion
        cmakeOptionType cmakeBool cmakeFeature mesonOption mesonBool
        mesonEnable nameFromURL enableFeature enableFeatureAs withFeature
        withFeatureAs fixedWidthString fixedWidthNumber
        toInt toIntBase10 readPathsFromFile fileContents floatToString
        isConvertibleWithToString isCoercibleToString escapeNixString
        escapeNixIdentifier sanitizeDerivationName levenshtein
        levenshteinAtMost commonPrefixLength commonSuffixLength charToInt
        normalizePath replaceString
        ;

      inherit (self.stringsWithDeps)
        textClosureList textClosureMap noDepEntry fullDepEntry packEntry
        stringAfter
        ;

      inherit (self.customisation)
        overrideDerivation makeOverridable callPackageWith callPackagesWith
        extendDerivation hydraJob makeScope makeScopeWithSplicing
        ;

      inherit (self.meta)
        addMetaAttrs dontDistribute setName updateName appendToName
        mapDerivationAttrset setPrio lowPrio lowPrioSet hiPrio hiPrioSet
        getLicenseFromSpdxId getLicenseFromSpdxIdOr getExe getExe'
        platformMatch availableOn
        ;

      inherit (self.sources)
        pathType pathIsDirectory cleanSourceFilter cleanSource sourceByRegex
        sourceFilesBySuffices commitIdFromGitRepo cleanSourceWith
        pathHasContext canCleanSource pathIsRegularFile pathIsGitRepo
        ;

      inherit (self.asserts) assertMsg assertOneOf assertEachOneOf;

      inherit (self.debug)
        traceIf traceVal traceValFn traceSeq traceSeqN traceValSeq
        traceValSeqFn traceValSeqN traceValSeqNFn traceFnSeqN runTests
        testAllTrue
        ;

      inherit (self.versions) splitVersion;

      inherit (self.types)
        isType setType defaultTypeMerge defaultFunctor isOptionType mkOptionType
        ;

      inherit (self.options)
        mkOption mkEnableOption mkPackageOption mkPackageOptionMD
        mkSinkUndeclaredOptions literalExpression literalMD literalExample
        mdDoc showOption showFiles getValues getFiles mergeEqualOption
        mergeDefaultOption mergeOneOption mergeUniqueOption isOption
        unknownModule showDefs optionAttrSetToDocList optionAttrSetToDocList'
        scrubOptionValue showOptionWithDefLocs
        ;

      inherit (self.modules)
        evalModules mkIf mkMerge mkOverride mkDefault mkForce
        mkOptionDefault mkImageMediaOverride mkVMOverride mkOrder mkBefore
        mkAfter mkRenamedOptionModule mkRemovedOptionModule
        mkAliasOptionModule mkChangedOptionModule mkMergedOptionModule
        mkAliasDefinitions mkAliasAndWrapDefinitions mkDerivedConfig
        fixMkOrder defaultOrderPriority defaultOverridePriority
        mkFixStrictness doRename setDefaultModuleLocation filterOverrides
        dischargeProperties pushDownProperties unifyModuleSyntax
        mkAssert mkRenamedOptionModuleWith mkAliasOptionModuleMD
        defaultPriority collectModules applyModuleArgsIfFunction mergeModules
        mergeModules' mergeOptionDecls mergeDefinitions sortProperties
        ;
    });
in
lib
