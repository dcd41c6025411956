# mergeDefinitions (native in sysnix, with order and errors handed to the Nix): attrsOf
# keeps only defined elements (optionalValue), ordered definitions sort, and a nested
# option tree's config can be listed without evaluating any option value.
let lib = import ../../../lib; in
let
  inherit (lib) mkOption types mkIf mkOverride mkBefore mkAfter;
  r = lib.evalModules {
    modules = [
      {
        options.m = mkOption { type = types.attrsOf types.int; default = { }; };
        options.l = mkOption { type = types.listOf types.str; default = [ "default" ]; };
        options.tree.deep.x = mkOption { type = types.int; };
        options.tree.y = mkOption { type = types.str; default = "y"; };
      }
      { m = { a = mkIf false 1; b = 2; c = mkIf false (mkOverride 10 3); }; }
      { m.d = mkIf true 4; l = mkAfter [ "after" ]; }
      { l = mkBefore [ "before" ]; tree.deep.x = throw "never evaluated"; }
      { l = [ "plain" ]; }
    ];
  };
in
{
  inherit (r.config) m l;
  treeNames = builtins.attrNames r.config.tree;
  deepNames = builtins.attrNames r.config.tree.deep;
  mDefined = r.options.m.isDefined;
  lDefs = builtins.length r.options.l.definitions;
}
