# The last attribute of an evaluated path throws.
let s = { a.b = { c = throw "boom"; }; }; in builtins.seq s.a.b s.a.b.c
