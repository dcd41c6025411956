[ (builtins.isPath ./p) (builtins.isPath "/p") (builtins.isPath (./p + "x")) ]
