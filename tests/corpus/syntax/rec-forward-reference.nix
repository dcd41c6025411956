rec { total = x + y; x = 4; y = 5; }
