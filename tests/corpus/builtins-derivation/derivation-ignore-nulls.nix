let
  a = derivation { name = "in"; system = "s"; builder = "/b"; __ignoreNulls = true; x = null; };
  b = derivation { name = "in"; system = "s"; builder = "/b"; __ignoreNulls = true; };
in a.drvPath == b.drvPath
