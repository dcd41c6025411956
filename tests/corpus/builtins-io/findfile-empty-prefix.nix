builtins.findFile [ { prefix = ""; path = toString ./data/dir; } ] "a.txt"
