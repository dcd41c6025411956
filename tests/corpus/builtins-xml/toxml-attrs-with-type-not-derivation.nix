builtins.toXML { type = "other"; x = 1; }
