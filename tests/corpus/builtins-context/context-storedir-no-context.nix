builtins.hasContext builtins.storeDir
