let lib = import ../../../lib; in
[ (lib.mapAttrsToList (n: v: n + v) { b = "2"; a = "1"; }) (lib.mapAttrsToList (n: v: v) { }) (lib.attrsToList { b = 1; a = [ 2 ]; })
  (lib.attrsets.mapAttrsFlatten (n: v: n) { a = 1; }) ]
