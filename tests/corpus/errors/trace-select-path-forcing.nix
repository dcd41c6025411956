# flags: --eval --strict --show-trace
# A selection's frame names its whole path, at the last attribute found.
let s = { a = { b = { c = throw "deep"; }; }; }; in s.a.b.c
