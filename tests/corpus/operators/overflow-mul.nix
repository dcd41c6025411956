# differs-from-2.8: integer overflow is an error in current Nix; 2.8 wraps
3037000500 * 3037000500
