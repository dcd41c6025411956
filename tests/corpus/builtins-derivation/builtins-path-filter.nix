builtins.path { path = ./data-copy; name = "filtered"; filter = p: t: t != "regular"; }
