let f = { __functor = self: { __functor = s2: x: x * 2; }; }; in f 21
