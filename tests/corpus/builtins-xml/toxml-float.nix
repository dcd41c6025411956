builtins.toXML [ 1.5 0.1 (1 / 3.0) 2.0 ]
