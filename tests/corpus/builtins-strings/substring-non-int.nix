builtins.substring "1" 2 "abc"
