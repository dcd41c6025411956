let lib = import ../../../lib; in
[ (lib.attrNames { b = 1; a = 2; "A" = 3; "_" = 4; "1" = 5; }) (lib.mapAttrsToList (n: v: n) { zz = 1; "é" = 2; a = 3; }) ]
