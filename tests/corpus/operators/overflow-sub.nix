# differs-from-2.8: integer overflow is an error in current Nix; 2.8 wraps
-9223372036854775807 - 2
