builtins.foldl' (acc: x: x) 0 [ (throw "elem not forced?") 5 ]
