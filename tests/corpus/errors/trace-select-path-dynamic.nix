# flags: --eval --strict --show-trace
# Dynamic names appear evaluated in the frame.
let s = { a = { b = throw "y"; }; }; n = "b"; in s.a.${n}
