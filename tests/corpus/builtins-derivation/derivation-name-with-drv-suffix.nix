(derivation { name = "x.drv"; system = "s"; builder = "/b"; }).drvPath
