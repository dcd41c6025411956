builtins.foldl' builtins.add 0 (builtins.genList (i: i) 10000)
