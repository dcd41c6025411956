(derivation { name = "da"; system = "s"; builder = "/b"; z = 1; }).drvAttrs
