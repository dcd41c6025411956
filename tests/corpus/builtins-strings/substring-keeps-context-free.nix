builtins.substring 0 3 "plain"
