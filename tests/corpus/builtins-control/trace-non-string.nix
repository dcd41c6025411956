builtins.trace { a = 1; l = [ 1 "s" ]; } null
