[ (builtins.toPath "/a/b") (builtins.typeOf (builtins.toPath "/a/b")) ]
