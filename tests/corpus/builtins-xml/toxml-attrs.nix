builtins.toXML { b = 1; a = "x"; }
