let lib = import ../../../lib; in
let
  names = [
    "id" "const" "flip" "pipe" "isFunction" "functionArgs" "setFunctionArgs" "mirrorFunctionArgs" "warn" "warnIf" "warnIfNot"
    "throwIf" "throwIfNot" "foldl'" "foldr" "foldl" "concatMap" "concatLists" "flatten" "filter" "head" "tail" "last" "init"
    "take" "drop" "elem" "any" "all" "length" "range" "unique" "reverseList" "sort" "imap0" "imap1" "optional" "optionals"
    "toList" "partition" "groupBy" "zipListsWith" "findFirst" "count" "mapAttrs" "mapAttrs'" "mapAttrsToList" "filterAttrs"
    "attrNames" "attrValues" "catAttrs" "genAttrs" "nameValuePair" "listToAttrs" "optionalAttrs" "recursiveUpdate"
    "zipAttrsWith" "zipAttrsWithNames" "setAttrByPath" "getAttrFromPath" "attrByPath" "hasAttrByPath" "isAttrs" "isString"
    "isList" "isBool" "isInt" "concatStringsSep" "concatMapStringsSep" "concatStrings" "concatMapStrings" "optionalString"
    "hasPrefix" "hasSuffix" "hasInfix" "removePrefix" "removeSuffix" "splitString" "escapeNixString" "escapeNixIdentifier"
    "toUpper" "toLower" "isStringLike" "isDerivation" "showAttrPath" "boolToString" "versionAtLeast" "versionOlder" "getExe"
    "getExe'" "assertMsg" "assertOneOf" "fix" "makeBinPath" "makeLibraryPath" "escapeShellArg" "escapeShellArgs" "toInt"
    "mkOption" "mkEnableOption" "mkIf" "mkMerge" "mkDefault" "mkForce" "mkOverride" "evalModules" "types" "literalExpression"
    "mkPackageOption" "mkRenamedOptionModule" "mkRemovedOptionModule" "mkAliasOptionModule" "mkBefore" "mkAfter" "mkOrder"
    "textClosureList" "stringAfter" "noDepEntry" "fullDepEntry" "callPackageWith" "makeOverridable" "cleanSource" "traceVal"
    "traceSeq" "runTests" "splitVersion" "getName" "getVersion" "toHexString" "trim" "sanitizeDerivationName" "levenshtein"
    "concatMapAttrs" "mapAttrsRecursive" "foldAttrs" "collect" "cartesianProduct" "updateManyAttrsByPath" "toShellVar"
    "fixedWidthString" "fixedWidthNumber" "lowPrio" "hiPrio" "addMetaAttrs" "recurseIntoAttrs" "getBin" "getLib" "getDev"
    "getMan" "extends" "composeExtensions" "composeManyExtensions" "makeExtensible" "converge" "naturalSort" "toposort"
    "subtractLists" "intersectLists" "mutuallyExclusive" "sublist" "crossLists" "groupBy'" "replicate" "findSingle"
    "escapeXML" "escapeRegex" "escapeURL" "enableFeature" "withFeature" "mesonOption" "cmakeBool" "floatToString"
    "isStorePath" "fileContents" "readFile" "pathExists" "mod" "min" "max" "compare" "importJSON" "importTOML" "info"
    "showWarnings" "toFunction" "toBaseDigits" "version" "inNixShell" "isInOldestRelease" "trace" "seq" "deepSeq" "typeOf"
    "stringLength" "substring" "replaceStrings" "genList" "elemAt" "add" "sub" "lessThan" "genericClosure" "isFloat" "isPath"
  ];
in
builtins.filter (n: !(builtins.hasAttr n lib)) names
