# A nested set whose names are computed is built only when it is used.
let
  x = { a.${throw "not used"} = 1; b.c.${throw "not used"} = 2; d = { ${throw "not used"} = 3; }; e = 4; };
in
x.e
