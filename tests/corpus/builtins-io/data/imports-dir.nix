{ inner = import ./lib; }
