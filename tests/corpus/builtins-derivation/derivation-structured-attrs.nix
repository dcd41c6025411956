(derivation { name = "sa"; system = "s"; builder = "/b"; __structuredAttrs = true; nested = { a = [ 1 2 ]; }; }).drvPath
