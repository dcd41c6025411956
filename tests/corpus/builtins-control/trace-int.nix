builtins.trace 5 true
