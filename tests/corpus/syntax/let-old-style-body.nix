let { x = 3; body = x * 2; }
