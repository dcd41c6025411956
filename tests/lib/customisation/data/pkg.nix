{ a, b, extra ? "d" }: { value = a + b; inherit extra; }
