builtins.stringLength true
