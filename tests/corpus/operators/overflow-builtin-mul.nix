# differs-from-2.8: integer overflow is an error in current Nix; 2.8 wraps
builtins.mul (-4294967296) 4294967296
