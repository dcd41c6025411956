builtins.length ([ (throw "x") ] ++ [ (throw "y") ])
