builtins.toJSON { outPath = "/some/out"; other = 1; }
