# Two set literals for one name merge (Nix 2.8); a name in both is reported at the
# first, with the second's position.
{ a = { b = 1; }; a = { c = 2; b = 3; }; }
