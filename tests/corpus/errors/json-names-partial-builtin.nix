builtins.toJSON { f = builtins.split "a"; }
