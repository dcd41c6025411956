(derivation { name = "d"; system = "s"; builder = "/b"; }).nothere
