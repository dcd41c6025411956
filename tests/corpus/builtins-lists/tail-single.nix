builtins.tail [ 1 ]
