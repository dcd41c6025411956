assert (with { a = 1; }; a) == 2; 0
