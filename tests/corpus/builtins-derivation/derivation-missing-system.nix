(derivation { name = "nosys"; builder = "/b"; }).drvPath
