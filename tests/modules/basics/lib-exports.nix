let lib = import ../../../lib; in
let
  names = [
    "mkOption" "mkEnableOption" "mkPackageOption" "mkSinkUndeclaredOptions" "literalExpression"
    "literalMD" "literalExample" "mdDoc" "showOption" "showFiles" "getValues" "getFiles"
    "mergeEqualOption" "mergeDefaultOption" "mergeOneOption" "mergeUniqueOption" "isOption"
    "unknownModule" "showDefs" "mkPackageOptionMD" "optionAttrSetToDocList"
    "evalModules" "mkIf" "mkMerge" "mkOverride" "mkDefault" "mkForce" "mkOptionDefault"
    "mkImageMediaOverride" "mkVMOverride" "mkOrder" "mkBefore" "mkAfter" "mkRenamedOptionModule"
    "mkRemovedOptionModule" "mkAliasOptionModule" "mkChangedOptionModule" "mkMergedOptionModule"
    "mkAliasDefinitions" "mkAliasAndWrapDefinitions" "mkDerivedConfig" "defaultOrderPriority"
    "defaultOverridePriority" "mkFixStrictness" "importJSON" "importTOML" "doRename"
    "setDefaultModuleLocation" "filterOverrides" "dischargeProperties" "pushDownProperties"
    "unifyModuleSyntax" "mkAssert" "mkRenamedOptionModuleWith" "mkAliasOptionModuleMD" "types"
    "mkOptionType" "isType" "setType" "defaultTypeMerge" "defaultFunctor" "isOptionType"
    "applyModuleArgsIfFunction" "mergeModules" "mergeModules'" "mergeOptionDecls" "mergeDefinitions"
    "sortProperties" "optionAttrSetToDocList'" "scrubOptionValue" "showOptionWithDefLocs"
  ];
  moduleNames = [ "mergeDefinitions" "mergeOptionDecls" "fixupOptionType" "mergeModules" "evalOptionValue" "sortProperties" ];
  typeNames = [ "mkOptionType" "isType" "setType" "defaultTypeMerge" "defaultFunctor" "isOptionType" ];
in
{
  missing = builtins.filter (n: !(lib ? ${n})) names;
  missingInModules = builtins.filter (n: !(lib.modules ? ${n})) moduleNames;
  missingInTypes = builtins.filter (n: !(lib.types ? ${n})) typeNames;
}
