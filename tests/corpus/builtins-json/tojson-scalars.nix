map builtins.toJSON [ 1 (-5) true false null "s" ]
