builtins.sort null [ 1 ]
