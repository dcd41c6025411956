[ (derivation { name = "a"; system = "s"; builder = "/b"; }) ]
