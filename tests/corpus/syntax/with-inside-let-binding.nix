let s = { v = 2; }; f = with s; v * 3; in f
