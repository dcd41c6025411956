{ x.a = 1; x.a.b.c = 2; }
