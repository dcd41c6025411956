let lib = import ../../../lib; in
[ (lib.attrsets.hasAttr "a" { a = 1; }) (lib.isAttrs { }) (lib.getAttr "a" { a = 1; }) (lib.attrsets.removeAttrs { a = 1; b = 2; } [ "a" ])
  (lib.attrsets.intersectAttrs { a = 0; } { a = 1; b = 2; }) (lib.hasAttr "b" { a = 1; }) ]
