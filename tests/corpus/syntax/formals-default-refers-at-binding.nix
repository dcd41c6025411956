(args@{ a, b ? args.a + 1 }: b) { a = 1; }
