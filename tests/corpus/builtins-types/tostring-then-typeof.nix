builtins.typeOf (toString 5)
