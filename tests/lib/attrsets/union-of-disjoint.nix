let lib = import ../../../lib; in
let u = lib.unionOfDisjoint { a = 1; b = 2; } { c = 3; b = 4; d = 5; }; in
[ (lib.unionOfDisjoint { a = 1; } { b = 2; }) (builtins.attrNames u) u.a u.c (builtins.tryEval u.b) ]
