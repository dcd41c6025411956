let a = 1; in let a = a; in a
