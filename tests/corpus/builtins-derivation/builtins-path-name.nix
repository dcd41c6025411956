builtins.path { path = ./data.txt; name = "renamed"; }
