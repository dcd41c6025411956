let a.b.c = 1; a.b.c = 2; in a
