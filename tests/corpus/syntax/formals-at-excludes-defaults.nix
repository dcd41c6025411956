(args@{ a ? 1, b ? 2 }: args) { b = 3; }
