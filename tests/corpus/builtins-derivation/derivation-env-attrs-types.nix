let d = derivation { name = "env"; system = "s"; builder = "/b"; i = 1; t = true; f = false; n = null; l = [ "a" 2 ]; fl = 1.5; p = "str"; }; in d.drvPath
