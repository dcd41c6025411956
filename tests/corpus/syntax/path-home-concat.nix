builtins.typeOf (~/x + "y")
