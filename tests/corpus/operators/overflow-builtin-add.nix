# differs-from-2.8: integer overflow is an error in current Nix; 2.8 wraps
builtins.add 9223372036854775807 9223372036854775807
