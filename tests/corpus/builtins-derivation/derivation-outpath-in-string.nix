let d = derivation { name = "inter"; system = "s"; builder = "/b"; }; in "out: ${d}"
