# A path going through a value that is not a set, evaluated before.
let s = { a.b = 1; }; in builtins.seq s.a.b s.a.b.c
