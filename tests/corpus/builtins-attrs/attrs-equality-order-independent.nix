builtins.listToAttrs [ { name = "b"; value = 1; } { name = "a"; value = 2; } ] == { a = 2; b = 1; }
