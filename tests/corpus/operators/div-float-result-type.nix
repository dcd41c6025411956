builtins.typeOf (6 / 3.0)
