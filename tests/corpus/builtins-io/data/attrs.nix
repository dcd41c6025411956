{ value = 42; path = ./hello.txt; }
