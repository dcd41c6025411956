builtins.toFile "n" { outPath = "x"; }
