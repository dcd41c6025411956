builtins.fromJSON "[1e3, 2.5e-1, 1E2]"
