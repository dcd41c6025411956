(derivation { name = "paf"; system = "s"; builder = "/b"; big = "data"; passAsFile = [ "big" ]; }).drvPath
