builtins.toJSON "é ✓ 😀"
