let lib = import ../../../lib; in
[ (lib.recursiveUpdate { a.x = 1; b = 1; } { a.y = 2; b.z = 3; }) (lib.recursiveUpdate { a = { x = 1; }; } { a = 5; })
  (lib.recursiveUpdate { } { a.b = 1; }) (lib.recursiveUpdate { a.b.c.d = 1; } { a.b.c.e = 2; a.b.f = 3; }) ]
