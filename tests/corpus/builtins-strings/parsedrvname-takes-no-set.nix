builtins.parseDrvName { outPath = "hello-1.0"; }
