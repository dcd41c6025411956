(derivation { name = "fn"; system = "s"; builder = "/b"; f = x: x; }).drvPath
