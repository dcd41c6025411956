assert 1 == 2.5 && "s" == "t"; 0
