let x = 5; in { a = rec { x = 1; y = x; }; a = { z = 2; w = y; v = x; }; }
