[ (builtins.substring 4 10 "abcdef") (builtins.substring 10 2 "abcdef") ]
