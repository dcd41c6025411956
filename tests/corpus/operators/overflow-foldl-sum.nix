# differs-from-2.8: integer overflow is an error in current Nix; 2.8 wraps
builtins.foldl' builtins.add 0 [ 9223372036854775000 1000 ]
