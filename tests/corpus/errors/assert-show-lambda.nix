assert (x: x) == null; 0
