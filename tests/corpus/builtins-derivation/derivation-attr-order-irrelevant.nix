let
  a = derivation { name = "o"; system = "s"; builder = "/b"; x = "1"; y = "2"; };
  b = derivation { y = "2"; builder = "/b"; x = "1"; system = "s"; name = "o"; };
in a.drvPath == b.drvPath
