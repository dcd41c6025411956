builtins.toJSON (derivation { name = "j"; system = "x"; builder = "/b"; })
