builtins.head - 3
