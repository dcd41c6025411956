let lib = import ../../../lib; in
[ (lib.attrVals [ "b" "a" ] { a = 1; b = 2; c = 3; }) (lib.attrVals [ ] { a = 1; }) (lib.getAttrs [ "a" "c" ] { a = 1; b = 2; c = 3; })
  (lib.attrValues { b = 2; a = 1; }) (lib.catAttrs "a" [ { a = 1; } { b = 0; } { a = 2; } ]) (lib.attrNames { b = 1; a = 2; }) ]
