rec { a.x = 1; b = a.x + 1; }
