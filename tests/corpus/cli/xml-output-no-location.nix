# flags: --eval --strict --xml --no-location
{ a = { b = [ 1 ]; }; f = x: x; }
