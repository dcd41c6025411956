[ (1 + 2.0) (builtins.typeOf (1 + 2.0)) (builtins.typeOf (1 + 2)) ]
