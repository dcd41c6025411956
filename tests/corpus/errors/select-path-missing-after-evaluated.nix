# A name missing at the end of a path whose sets are already evaluated.
let s = { a.b = { c = 1; cc = 2; }; }; in builtins.seq s.a.b s.a.b.d
