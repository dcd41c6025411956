# flags: --eval --json
# differs-from-2.8: --json evaluates the whole value, as current Nix; 2.8 fails at the first thunk
{ a = 1 + 1; }
