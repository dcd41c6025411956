{ a.b.c = 1; a.d = 2; a.b.e = 3; }
