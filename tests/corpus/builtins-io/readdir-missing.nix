builtins.readDir ./data/nope
