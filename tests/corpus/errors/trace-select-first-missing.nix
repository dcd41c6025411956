# flags: --eval --strict --show-trace
# Nothing found yet: no frame.
let s = { a = 1; ab = 2; }; in s.b
