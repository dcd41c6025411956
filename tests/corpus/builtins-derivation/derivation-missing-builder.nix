(derivation { name = "nob"; system = "s"; }).drvPath
