builtins.foldl' (acc: s: acc // s) { } [ { a = 1; } { b = 2; } { a = 3; } ]
