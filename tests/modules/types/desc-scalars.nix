let lib = import ../../../lib; in
with lib.types;
builtins.mapAttrs (_: t: t.description) {
  inherit bool boolByOr int float number str path pathInStore package shellPackage
    attrs raw anything unspecified optionType deferredModule port;
}
