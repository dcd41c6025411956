let
  a = { type = "derivation"; extra = 1; };
  b = { type = "derivation"; extra = 2; };
in a == b
