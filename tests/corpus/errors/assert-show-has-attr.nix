assert { } ? a.b; 0
