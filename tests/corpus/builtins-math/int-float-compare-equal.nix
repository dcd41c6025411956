[ (3 == 3.0) (3 < 3.5) (4 > 3.5) (builtins.lessThan 3 3.0) ]
