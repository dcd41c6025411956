builtins.path { path = ./data.txt; recursive = false; name = "flat"; }
