let
  mk = b: derivation { name = "same"; system = "s"; builder = b; outputHashAlgo = "sha256"; outputHash = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"; };
in [ ((mk "/b1").outPath == (mk "/b2").outPath) ((mk "/b1").drvPath == (mk "/b2").drvPath) ]
