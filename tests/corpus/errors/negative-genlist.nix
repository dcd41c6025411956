builtins.genList (x: x) (-5)
