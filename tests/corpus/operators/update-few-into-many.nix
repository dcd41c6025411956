# `//` of a few attributes into a much bigger set (sysnix places each by binary search
# then): replaced, new before, between and after all names, and positions kept.
let
  big = builtins.listToAttrs (map (i: { name = "k${toString (i * 2)}"; value = i; }) (builtins.genList (i: i) 40));
  small = { a = "first"; k10 = "replaced"; k11 = "between"; k78 = "last one"; zz = "after"; };
  r = big // small;
in
{
  names = builtins.attrNames r;
  values = map (n: r.${n}) [ "a" "k0" "k10" "k11" "k12" "k78" "zz" ];
  count = builtins.length (builtins.attrNames r);
  pos = (builtins.unsafeGetAttrPos "k11" r).line;
}
