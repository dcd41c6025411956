# flags: --eval --strict --show-trace
let s = { a = 1; }; in s.a.b
