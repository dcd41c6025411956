let s = { a.b = 1; }; in assert s.a.b == 2; 0
