builtins.fromJSON "${builtins.toFile "j" "1"}"
