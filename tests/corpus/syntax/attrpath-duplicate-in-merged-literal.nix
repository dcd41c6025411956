# Inside a set literal merged with a path, names are relative to the literal.
rec { a.b = 1; a = { c.d = 1; c.d = 3; }; }
