builtins.toFile "n" "${builtins.toFile "dep" "x"} and more"
