builtins.trace (x: x) 1
