let lib = import ../../../lib; in
[ (lib.filterAttrsRecursive (n: v: v != null) { a.b = null; a.c = 1; d = null; e = { }; })
  (lib.filterAttrsRecursive (n: v: n != "x") { x = 1; y.x = 2; y.z = [ { x = 1; } ]; }) ]
