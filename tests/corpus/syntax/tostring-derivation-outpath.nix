toString (derivation { name = "ts"; system = "s"; builder = "/b"; })
