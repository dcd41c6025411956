builtins.toXML (derivation { name = "xml"; system = "x"; builder = "/b"; })
