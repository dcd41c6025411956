let s = { inner = s; }; in s
