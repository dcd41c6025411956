let x = 1; in let inherit x; y = x + 1; in [ x y ]
