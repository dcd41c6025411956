# More than a handful of names (sysnix merges two sorted lists then): duplicates,
# names not in the set, names sorting before and after every attribute.
let
  set = builtins.listToAttrs (map (i: { name = "k${toString i}"; value = i; }) (builtins.genList (i: i) 30));
  gone = [ "k3" "k29" "zz" "k3" "a" "k10" "k11" "k0" "k2" "k20" "k7" "missing" "k15" "k15" ];
in
builtins.attrNames (builtins.removeAttrs set gone)
