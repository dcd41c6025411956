let lib = import ../../../lib; in
(lib.unionOfDisjoint { a = 1; b = 2; x = 0; } { x = 3; b = 4; }).b
