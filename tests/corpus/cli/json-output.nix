# flags: --eval --strict --json
{ n = 1; f = 1.5; s = "str"; b = false; z = null; l = [ 1 [ ] ]; }
