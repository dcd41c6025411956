let lib = import ../../../lib; in
[ (lib.mapAttrsToListRecursive (p: v: p) { a.b = 1; c = 2; d = { }; })
  (lib.attrsets.mapAttrsToListRecursiveCond (p: v: p != [ "a" ]) (p: v: { path = p; value = v; }) { a.x = 1; b.y = 2; }) ]
