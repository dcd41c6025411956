builtins.path { path = ./data.txt; }
