{ a = if; }
