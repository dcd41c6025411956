let
  dep = derivation { name = "dep"; system = "s"; builder = "/b"; };
  top = derivation { name = "top"; system = "s"; builder = "/b"; input = dep; };
in [ dep.outPath top.drvPath top.outPath ]
