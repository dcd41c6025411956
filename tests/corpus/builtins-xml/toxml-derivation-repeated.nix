let d = derivation { name = "xml"; system = "x"; builder = "/b"; }; in builtins.toXML [ d d ]
