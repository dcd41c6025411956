# flags: --eval
{ a = 1; b = 1 + 1; }
