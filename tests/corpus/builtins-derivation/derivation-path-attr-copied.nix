(derivation { name = "withpath"; system = "s"; builder = "/b"; src = ./data.txt; }).drvPath
