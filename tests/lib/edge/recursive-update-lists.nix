let lib = import ../../../lib; in
[ (lib.recursiveUpdate { a = [ 1 ]; } { a = [ 2 ]; }) (lib.recursiveUpdate { a.b = 1; } { a = null; }) (lib.recursiveUpdate { a = null; } { a.b = 1; }) ]
