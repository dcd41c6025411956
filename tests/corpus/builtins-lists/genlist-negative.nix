builtins.genList (i: i) (-1)
