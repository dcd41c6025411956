builtins.trace "line1\nline2" 0
