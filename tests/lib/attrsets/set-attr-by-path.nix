let lib = import ../../../lib; in
[ (lib.setAttrByPath [ "a" "b" ] 3) (lib.setAttrByPath [ ] 3) (lib.setAttrByPath [ "x y" ] null) ]
