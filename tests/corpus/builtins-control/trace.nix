builtins.trace "message" 42
