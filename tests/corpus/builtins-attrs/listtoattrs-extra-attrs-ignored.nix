builtins.listToAttrs [ { name = "a"; value = 1; junk = 2; } ]
