builtins.toJSON { b = 1; a = [ ]; c = { }; "key with space" = null; }
