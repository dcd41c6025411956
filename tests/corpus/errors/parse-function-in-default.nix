{ a = { b ? f x: 1 }: b; }
