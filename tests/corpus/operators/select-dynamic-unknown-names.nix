# Dynamic names no program has used before (built at run time): `?`, `or`, hasAttr
# and getAttr on them, present and absent, in flat and big sets.
let
  fresh = i: "fresh${toString i}name";
  big = builtins.listToAttrs (builtins.genList (i: { name = fresh (i * 2); value = i; }) 200);
  small = { ${fresh 1000} = "here"; };
in
{
  has = builtins.genList (i: big ? ${fresh i}) 6;
  orDefault = builtins.genList (i: big.${fresh i} or (-1)) 6;
  hasAttr = [ (builtins.hasAttr (fresh 1000) small) (builtins.hasAttr (fresh 1001) small) ];
  getAttr = builtins.getAttr (fresh 1000) small;
  nested = small.${fresh 1001}.x or "absent";
  notASet = (1).${fresh 2000} or "default";
}
