builtins.map { a, b }: a
