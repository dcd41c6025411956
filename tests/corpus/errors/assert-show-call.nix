let f = a: b: a; in assert f 1 2 == 2; 0
