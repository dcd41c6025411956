assert { a = 1; b.c = 2; inherit ({ x = 1; }) x; } == { }; 0
