assert 1.5 == 0.1; 0
