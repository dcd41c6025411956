(derivation { name = "dup"; system = "s"; builder = "/b"; outputs = [ "out" "out" ]; }).drvPath
