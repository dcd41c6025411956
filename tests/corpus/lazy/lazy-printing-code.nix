# flags: --eval
{ sum = 1 + 1; int = 2; str = "s"; lst = [ 1 ]; set = { x = 1; }; fn = x: x; nul = null; flt = 1.5; }
