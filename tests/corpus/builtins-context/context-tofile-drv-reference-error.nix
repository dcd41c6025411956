let d = derivation { name = "dep"; system = "x"; builder = "/b"; }; in builtins.toFile "refs" "uses ${d.drvPath}"
