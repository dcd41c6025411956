map builtins.toJSON [ 1.5 0.1 1.0 (1 / 3.0) 1.0e20 1.0e-7 ]
