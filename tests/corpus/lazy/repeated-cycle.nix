let s = rec { self = s; v = 1; }; in s
