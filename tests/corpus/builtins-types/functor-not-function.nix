let f = { __functor = 1; }; in f 5
