assert (if true then 1 else 2) == 3; 0
