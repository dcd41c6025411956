let y = 5; in x + y
