let
  dep = derivation { name = "dep"; system = "s"; builder = "/b"; outputs = [ "out" "bin" ]; };
  top = derivation { name = "top3"; system = "s"; builder = "${dep.bin}/bin/sh"; };
in top.drvPath
