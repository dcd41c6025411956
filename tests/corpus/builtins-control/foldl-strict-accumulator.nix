builtins.foldl' (acc: x: if x == 2 then throw "forced at 2" else acc + x) 0 [ 1 2 3 ]
