# flags: --eval
{ t = true; f = false; n = null; neg = -1; }
