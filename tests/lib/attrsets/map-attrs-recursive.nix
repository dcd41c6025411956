let lib = import ../../../lib; in
[ (lib.mapAttrsRecursive (path: v: builtins.concatStringsSep "." path + "=" + toString v) { a.b = 1; a.c.d = 2; e = 3; })
  (lib.mapAttrsRecursive (p: v: v) { }) (lib.mapAttrsRecursive (p: v: p) { l = [ { x = 1; } ]; }) ]
