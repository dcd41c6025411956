# flags: --eval --strict --xml
{ a = [ 1 "s" ]; b = null; }
