let
  dep = derivation { name = "dep"; system = "s"; builder = "/b"; };
  top = derivation { name = "top2"; system = "s"; builder = "/b"; script = "run ${dep}/bin/x"; };
in top.drvPath
