{ f = x: x; g = { a }: a; }
