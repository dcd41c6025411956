builtins.length (builtins.concatLists (builtins.genList (i: builtins.genList (j: j) i) 50))
