builtins.readFile ./data/link
