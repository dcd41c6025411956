builtins.foldl' (acc: x: if x == 1 then throw "intermediate" else x) 0 [ 1 2 ]
