builtins.toFile "empty" ""
