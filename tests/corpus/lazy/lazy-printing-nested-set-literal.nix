# flags: --eval
{ outer = { inner = 1; }; }
