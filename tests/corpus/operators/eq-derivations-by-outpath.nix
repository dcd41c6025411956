let
  a = { type = "derivation"; outPath = "/x"; extra = 1; };
  b = { type = "derivation"; outPath = "/x"; extra = 2; };
in a == b
