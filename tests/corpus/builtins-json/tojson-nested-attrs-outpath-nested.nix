builtins.toJSON { a = { outPath = "/p"; }; }
