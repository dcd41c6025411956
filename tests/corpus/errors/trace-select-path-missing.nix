# flags: --eval --strict --show-trace
# A missing attribute after one was found: the frame is at the found one.
let s = { a = { }; }; in s.a.b
