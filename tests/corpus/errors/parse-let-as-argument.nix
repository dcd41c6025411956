let f = x: x; in f let b = 1; in b
