[ (builtins.pathExists ./data/hello.txt) (builtins.pathExists ./data/missing) (builtins.pathExists ./data/dir) (builtins.pathExists ./data/link) ]
