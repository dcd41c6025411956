let e3 = 0; f = x: x; in [ (1e3) ]
