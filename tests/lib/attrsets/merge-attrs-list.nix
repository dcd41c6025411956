let lib = import ../../../lib; in
[ (lib.attrsets.mergeAttrsList [ { a = 1; } { a = 2; b = 3; } { c = 4; } { a = 5; } ]) (lib.attrsets.mergeAttrsList [ ])
  (lib.attrsets.mergeAttrsList [ { x = 1; } ]) (lib.attrsets.mergeAttrsList (map (i: { "k${toString (lib.mod i 3)}" = i; }) (lib.range 1 10))) ]
