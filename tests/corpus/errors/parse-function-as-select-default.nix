let a = b.c or x: 1; in a
