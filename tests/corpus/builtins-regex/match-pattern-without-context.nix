builtins.match "${builtins.toFile "re" "a"}" "a"
