let lib = import ../../../lib; in
[ (lib.genAttrs [ "a" "b" ] (n: "x-${n}")) (lib.genAttrs [ ] (n: n)) (lib.genAttrs [ "a" "a" ] (n: 1))
  (lib.attrsets.genAttrs' [ 1 2 ] (x: lib.nameValuePair "n${toString x}" x)) ]
