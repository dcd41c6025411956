let d = derivation { name = "d"; system = "s"; builder = "/b"; }; in ./. + "${d}"
