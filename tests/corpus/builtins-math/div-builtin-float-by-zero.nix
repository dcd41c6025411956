builtins.div 5.0 0
