let f = { __functor = self: x: x + self.base; base = 10; }; in f 5
