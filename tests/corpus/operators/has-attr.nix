let s = { a = 1; "b c" = 2; }; in [ (s ? a) (s ? b) (s ? "b c") (s ? ${"a"}) ]
