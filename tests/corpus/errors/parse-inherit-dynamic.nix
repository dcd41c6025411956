# differs-from-2.8: an inherited name's position is the name's own, as in Nix 2.21+; 2.8 used the end of the 'inherit' keyword (or of the opening '{' / 'let')
{ inherit ${"a"}; }
