# differs-from-2.8: integer overflow is an error in current Nix; 2.8 wraps
let min = -9223372036854775807 - 1; in -min
