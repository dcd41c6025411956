let c = a + b; a = 1; b = 2; in c
