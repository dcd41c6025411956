builtins.trace "t" { a = 1; }
